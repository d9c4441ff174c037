import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localParts } from './calendar.ts';

const zones = ['America/Sao_Paulo', 'America/New_York', 'America/Mexico_City', 'America/St_Johns', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Europe/London', 'UTC'];

const formatters = new Map<string, Intl.DateTimeFormat>();

function direct(ms: number, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })));
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

test('cached offsets give the same local time as Intl, across DST changes, in odd-offset zones too', () => {
  const from = Date.parse('2018-10-01T00:00:00Z');
  const to = Date.parse('2024-01-01T00:00:00Z');
  let checked = 0;
  for (const zone of zones) {
    // Every 61 minutes plus a few seconds, so samples drift across every minute of the hour.
    for (let ms = from; ms < to; ms += 61 * 60_000 + 7_000) {
      assert.deepEqual(localParts(ms, zone), direct(ms, zone), `${zone} at ${new Date(ms).toISOString()}`);
      checked++;
    }
  }
  assert.ok(checked > 300_000);
});

test('behavior: instants right before and after a DST change land on either side of it', () => {
  // São Paulo started DST at 2018-11-04 00:00 local (03:00 UTC): 23:59:59 → 01:00:00.
  const change = Date.parse('2018-11-04T03:00:00Z');
  assert.deepEqual(localParts(change - 1000, 'America/Sao_Paulo'), direct(change - 1000, 'America/Sao_Paulo'));
  assert.deepEqual(localParts(change, 'America/Sao_Paulo'), { year: 2018, month: 11, day: 4, hour: 1, minute: 0, second: 0 });
});
