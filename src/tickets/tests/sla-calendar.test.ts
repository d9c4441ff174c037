import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addBusinessTime, businessTimeBetween, evaluateSla, isOpenAt, parseSlaSettings, SlaSettingsInvalidError, type BusinessCalendar, type SlaTimeline } from '../index.ts';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const weekdays = (periods: Array<{ start: string; end: string }>) => Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, periods]));

test('business hours with two periods a day: due time skips lunch, the night and the weekend', () => {
  const cal: BusinessCalendar = { timeZone: 'America/Sao_Paulo', periods: weekdays([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '18:00' }]), holidays: [] };
  // Wed 2026-11-25 11:00 local (-03) = 14:00Z; 2 h of business time → 14:00 local.
  assert.equal(iso(addBusinessTime(cal, at('2026-11-25T14:00:00Z'), 2 * H)), '2026-11-25T17:00:00.000Z');
  // Fri 17:00 local + 3 h → Mon 10:00 local.
  assert.equal(iso(addBusinessTime(cal, at('2026-11-27T20:00:00Z'), 3 * H)), '2026-11-30T13:00:00.000Z');
  assert.equal(businessTimeBetween(cal, at('2026-11-25T11:00:00Z'), at('2026-11-25T21:00:00Z')), 9 * H);
  assert.equal(isOpenAt(cal, at('2026-11-25T15:30:00Z')), false, '12:30 local is lunch');
  assert.equal(isOpenAt(cal, at('2026-11-25T16:30:00Z')), true);
});

test('behavior: a holiday opens no period, so the due time moves to the next working day', () => {
  const cal: BusinessCalendar = { timeZone: 'America/New_York', periods: weekdays([{ start: '09:00', end: '17:00' }]), holidays: ['2026-11-26'] };
  // Wed 2026-11-25 16:00 EST + 2 h: 1 h on Wednesday, Thanksgiving closed, 1 h on Friday → Fri 10:00 EST.
  assert.equal(iso(addBusinessTime(cal, at('2026-11-25T21:00:00Z'), 2 * H)), '2026-11-27T15:00:00.000Z');
  assert.equal(businessTimeBetween(cal, at('2026-11-26T00:00:00Z'), at('2026-11-27T00:00:00Z')), 0);
});

test('behavior: overnight periods run past midnight, also into a day without periods', () => {
  const cal: BusinessCalendar = { timeZone: 'America/Mexico_City', periods: weekdays([{ start: '22:00', end: '06:00' }]), holidays: [] };
  // Mon 2026-11-23 23:00 CST (-06) = Tue 05:00Z; + 3 h → Tue 02:00 CST.
  assert.equal(iso(addBusinessTime(cal, at('2026-11-24T05:00:00Z'), 3 * H)), '2026-11-24T08:00:00.000Z');
  // Friday's night shift ends Saturday 06:00: Sat 01:00 + 1 h → Sat 02:00; + 6 h → Mon 23:00.
  assert.equal(iso(addBusinessTime(cal, at('2026-11-28T07:00:00Z'), H)), '2026-11-28T08:00:00.000Z');
  assert.equal(iso(addBusinessTime(cal, at('2026-11-28T07:00:00Z'), 6 * H)), '2026-12-01T05:00:00.000Z');
});

test('behavior: DST in America/Sao_Paulo (historical) shortens and lengthens the day', () => {
  const sun: BusinessCalendar = { timeZone: 'America/Sao_Paulo', periods: { sun: [{ start: '00:00', end: '03:00' }], sat: [{ start: '21:00', end: '24:00' }] }, holidays: [] };
  // 2018-11-04: midnight did not exist (00:00 → 01:00), so Sunday 00:00–03:00 held 2 hours.
  assert.equal(businessTimeBetween(sun, at('2018-11-03T12:00:00Z'), at('2018-11-04T12:00:00Z')) - 3 * H, 2 * H);
  // Saturday's 24:00 and Sunday's 00:00 both fall on the first real instant, 01:00 −02 = 03:00Z: no gap between them.
  assert.equal(iso(addBusinessTime(sun, at('2018-11-04T02:59:00Z'), 30 * 60_000)), '2018-11-04T03:29:00.000Z');
  // 2019-02-16: 23:00–24:00 happened twice, so Saturday 21:00–24:00 held 4 hours.
  assert.equal(businessTimeBetween(sun, at('2019-02-16T12:00:00Z'), at('2019-02-17T03:00:00Z')), 4 * H);
  // Since 2019 Brazil keeps −03 all year.
  assert.equal(businessTimeBetween(sun, at('2026-11-07T12:00:00Z'), at('2026-11-08T12:00:00Z')), 6 * H);
});

test('behavior: DST in America/New_York and the end of DST in America/Mexico_City', () => {
  const ny: BusinessCalendar = { timeZone: 'America/New_York', periods: { sun: [{ start: '00:00', end: '06:00' }] }, holidays: [] };
  assert.equal(businessTimeBetween(ny, at('2026-03-07T00:00:00Z'), at('2026-03-10T00:00:00Z')), 5 * H, 'spring forward: 02:00–03:00 does not exist');
  assert.equal(businessTimeBetween(ny, at('2026-10-31T00:00:00Z'), at('2026-11-03T00:00:00Z')), 7 * H, 'fall back: 01:00–02:00 happens twice');
  // 4 h of open time from Sun 00:00 EST on the spring-forward day ends at 05:00 EDT = 09:00Z.
  assert.equal(iso(addBusinessTime(ny, at('2026-03-08T05:00:00Z'), 4 * H)), '2026-03-08T09:00:00.000Z');
  const mx: BusinessCalendar = { timeZone: 'America/Mexico_City', periods: { sun: [{ start: '00:00', end: '06:00' }] }, holidays: [] };
  assert.equal(businessTimeBetween(mx, at('2022-04-02T00:00:00Z'), at('2022-04-05T00:00:00Z')), 5 * H, 'DST started on 2022-04-03');
  assert.equal(businessTimeBetween(mx, at('2023-03-31T00:00:00Z'), at('2023-04-04T00:00:00Z')), 6 * H, 'Mexico abolished DST in October 2022');
  assert.equal(businessTimeBetween(mx, at('2022-10-29T00:00:00Z'), at('2022-11-01T00:00:00Z')), 7 * H, 'the last fall back, 2022-10-30');
});

const settings = parseSlaSettings({
  calendars: { business: { timeZone: 'America/Sao_Paulo', periods: weekdays([{ start: '09:00', end: '18:00' }]), holidays: ['2026-12-25'] } },
  policies: [
    { id: 'p1', priorities: ['p1'], calendar: 'always', firstReplyMin: 30, nextReplyMin: 60, resolutionMin: 240 },
    { id: 'std', calendar: 'business', firstReplyMin: 120, nextReplyMin: 120, resolutionMin: 540, warnAt: 0.5 },
  ],
});

const timeline = (over: Partial<SlaTimeline>): SlaTimeline => ({ ticketId: 'tkt_x', priority: 'p3', channel: 'email', createdAt: '2026-11-25T12:00:00.000Z', status: 'open', events: [], ...over });

test('behavior: evaluateSla measures first reply, next reply and resolution in business hours', () => {
  // Created Wed 09:00 local; first reply at 10:00 local (met), user writes at 11:00, no answer yet at 14:00 (3 h > 2 h).
  const t = timeline({ events: [
    { at: '2026-11-25T12:00:00.000Z', kind: 'requester_message' },
    { at: '2026-11-25T13:00:00.000Z', kind: 'agent_reply' },
    { at: '2026-11-25T14:00:00.000Z', kind: 'requester_message' },
  ] });
  const sla = evaluateSla(settings, t, at('2026-11-25T17:00:00Z'));
  assert.equal(sla.policy, 'std');
  const by = Object.fromEntries(sla.metrics.map((m) => [m.metric, m]));
  assert.equal(by.first_reply!.state, 'met');
  assert.equal(by.next_reply!.state, 'breached');
  assert.equal(by.next_reply!.dueAt, '2026-11-25T16:00:00.000Z');
  assert.equal(by.resolution!.state, 'warning', '5 of 9 business hours used, warnAt 0.5');
  assert.equal(sla.state, 'breached');
  // p1 runs round the clock: created at 21:00 local, still unanswered at 21:25 → warning (past 75%); at 21:31 → breached.
  const p1 = timeline({ priority: 'p1', createdAt: '2026-11-26T00:00:00.000Z' });
  assert.equal(evaluateSla(settings, p1, at('2026-11-26T00:25:00Z')).metrics[0]!.state, 'warning');
  assert.equal(evaluateSla(settings, p1, at('2026-11-26T00:31:00Z')).state, 'breached');
});

test('behavior: waiting on the user pauses the clocks until they answer', () => {
  const events: SlaTimeline['events'] = [
    { at: '2026-11-25T12:30:00.000Z', kind: 'agent_reply' },
    { at: '2026-11-25T12:30:00.000Z', kind: 'status', status: 'pending' },
  ];
  const paused = evaluateSla(settings, timeline({ status: 'pending', events }), at('2026-11-26T20:00:00Z'));
  const resolution = paused.metrics.find((m) => m.metric === 'resolution')!;
  assert.equal(resolution.state, 'paused');
  assert.equal(resolution.dueAt, null);
  assert.equal(resolution.elapsedMs, 30 * 60_000);
  // The user answers on Thu 10:00 local: 8.5 h of resolution time are left from there → Fri 09:30 local.
  events.push({ at: '2026-11-26T13:00:00.000Z', kind: 'requester_message' });
  const resumed = evaluateSla(settings, timeline({ status: 'open', events }), at('2026-11-26T14:00:00Z'));
  assert.equal(resumed.metrics.find((m) => m.metric === 'resolution')!.dueAt, '2026-11-27T12:30:00.000Z');
  assert.equal(resumed.metrics.find((m) => m.metric === 'next_reply')!.dueAt, '2026-11-26T15:00:00.000Z');
});

test('error: an unknown time zone or a calendar without open hours is refused', () => {
  assert.throws(() => parseSlaSettings({ calendars: { x: { timeZone: 'Mars/Olympus', periods: weekdays([{ start: '09:00', end: '17:00' }]) } }, policies: [{ id: 'a', calendar: 'x' }] }), (e: unknown) => e instanceof SlaSettingsInvalidError && /unknown time zone "Mars\/Olympus"/.test(e.message));
  assert.throws(() => parseSlaSettings({ calendars: { x: { timeZone: 'UTC', periods: {} } }, policies: [{ id: 'a', calendar: 'x' }] }), /no open period/);
  assert.throws(() => parseSlaSettings({ calendars: {}, policies: [{ id: 'a', calendar: 'nope' }] }), /unknown calendar nope/);
});
