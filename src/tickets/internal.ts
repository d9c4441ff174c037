import { newId, type Clock } from '../core/index.ts';

let lastMs = 0;

/** An id that sorts after every id made before it in this process (timeline events share a timestamp). */
export function sequentialId(prefix: string, clock: Clock): string {
  lastMs = Math.max(clock.nowMs(), lastMs + 1);
  return newId(prefix, lastMs);
}
