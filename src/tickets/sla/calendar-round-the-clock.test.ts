import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addBusinessTime, alwaysOpen, businessTimeBetween, type BusinessCalendar, type Interval } from './calendar.ts';

// The same hours as `alwaysOpen`, but a (long past) holiday keeps it on the day-by-day path.
const dayByDay: BusinessCalendar = { ...alwaysOpen, holidays: ['1999-01-01'] };

test('a round-the-clock calendar gives the day-by-day answer: open time and due times, with pauses', () => {
  let seed = 3;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const base = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < 300; i++) {
    const from = base + Math.floor(rand() * 300 * 86_400_000);
    const to = from + Math.floor(rand() * 60 * 86_400_000);
    const pauses: Interval[] = [];
    let at = from - 86_400_000;
    for (let k = Math.floor(rand() * 4); k > 0; k--) {
      const a = at + Math.floor(rand() * 10 * 86_400_000);
      const b = rand() < 0.2 ? Infinity : a + Math.floor(rand() * 3 * 86_400_000) + 1;
      pauses.push([a, b]);
      if (!Number.isFinite(b)) break;
      at = b;
    }
    const amount = rand() * 40 * 86_400_000;
    assert.equal(businessTimeBetween(alwaysOpen, from, to, pauses), businessTimeBetween(dayByDay, from, to, pauses), `between, case ${i}`);
    const fast = addBusinessTime(alwaysOpen, from, amount, pauses);
    const slow = addBusinessTime(dayByDay, from, amount, pauses);
    assert.ok(fast === slow || (fast !== undefined && slow !== undefined && Math.abs(fast - slow) < 1e-3), `add, case ${i}: ${fast} vs ${slow}`);
  }
});
