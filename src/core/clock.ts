/** Time source; inject a manual clock in tests instead of faking timers. */
export interface Clock {
  now(): Date;
  nowMs(): number;
}

export const systemClock: Clock = {
  now: () => new Date(),
  nowMs: () => Date.now(),
};

export interface ManualClock extends Clock {
  set(at: Date | number | string): void;
  advance(ms: number): void;
}

export function manualClock(start: Date | number | string = '2026-01-01T00:00:00Z'): ManualClock {
  let ms = new Date(start).getTime();
  return {
    now: () => new Date(ms),
    nowMs: () => ms,
    set: (at) => {
      ms = new Date(at).getTime();
    },
    advance: (delta) => {
      ms += delta;
    },
  };
}
