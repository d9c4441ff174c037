import type { SeriesPoint } from '../series.ts';
import type { DetectorStep, StreamingDetector } from './detector.ts';

export interface LivePolicy {
  /** Score at or above which an armed monitor fires. */
  fireAt: number;
  /** After firing, the monitor stays quiet for at least this many points. */
  holdoffPoints: number;
  /** ...and re-arms only once the score has stayed below this for `rearmPoints` points in a row. */
  rearmBelow: number;
  rearmPoints: number;
  /** A monitor that never calms down re-arms anyway after this many points (a reminder that it is still wrong). */
  maxHoldPoints: number;
}

export const defaultLivePolicy: LivePolicy = { fireAt: 0.5, holdoffPoints: 12, rearmBelow: 0.3, rearmPoints: 12, maxHoldPoints: 2016 };

export interface LiveStep extends DetectorStep {
  index: number;
  timestamp: string;
  /** True on the rows where a live monitor sends an alert. */
  fired: boolean;
}

/** Wraps a detector with the firing rule of a live monitor: fire once, hold off, re-arm when calm. */
export class LiveMonitor {
  private armed = true;
  private lastFire = Number.NEGATIVE_INFINITY;
  private calm = 0;
  private index = 0;
  constructor(
    readonly detector: StreamingDetector,
    private readonly policy: LivePolicy = defaultLivePolicy,
  ) {}

  step(p: SeriesPoint): LiveStep {
    const s = this.detector.step(p);
    const i = this.index++;
    let fired = false;
    if (this.armed) {
      if (s.score >= this.policy.fireAt) {
        fired = true;
        this.armed = false;
        this.lastFire = i;
        this.calm = 0;
      }
    } else {
      this.calm = s.score < this.policy.rearmBelow ? this.calm + 1 : 0;
      const since = i - this.lastFire;
      if ((since >= this.policy.holdoffPoints && this.calm >= this.policy.rearmPoints) || since >= this.policy.maxHoldPoints) this.armed = true;
    }
    return { ...s, index: i, timestamp: p.timestamp, fired };
  }
}
