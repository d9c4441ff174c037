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
  /**
   * Within this many points of its last alert, a re-armed monitor fires again only when the
   * evidence is `escalation` × as strong as it was at that alert (the same incident is not paged
   * twice unless it got worse). 0 turns this off.
   */
  regroupPoints: number;
  escalation: number;
}

export const defaultLivePolicy: LivePolicy = { fireAt: 0.5, holdoffPoints: 12, rearmBelow: 0.3, rearmPoints: 12, maxHoldPoints: 2016, regroupPoints: 0, escalation: 1 };

/** The live firing rule as a state machine over (score, strength), shared by `LiveMonitor` and replays of cached scores. */
export class FiringRule {
  private armed = true;
  private lastFire = Number.NEGATIVE_INFINITY;
  private lastStrength = 0;
  private calm = 0;
  private index = 0;
  constructor(private readonly policy: LivePolicy = defaultLivePolicy) {}

  /** Whether an alert is sent at this point; `strength` defaults to the score. */
  step(score: number, strength = score): boolean {
    const i = this.index++;
    const p = this.policy;
    if (this.armed) {
      const regrouped = i - this.lastFire < p.regroupPoints && strength < p.escalation * this.lastStrength;
      if (score >= p.fireAt && !regrouped) {
        this.armed = false;
        this.lastFire = i;
        this.lastStrength = strength;
        this.calm = 0;
        return true;
      }
      return false;
    }
    this.calm = score < p.rearmBelow ? this.calm + 1 : 0;
    const since = i - this.lastFire;
    if ((since >= p.holdoffPoints && this.calm >= p.rearmPoints) || since >= p.maxHoldPoints) this.armed = true;
    return false;
  }
}

export interface LiveStep extends DetectorStep {
  index: number;
  timestamp: string;
  /** True on the rows where a live monitor sends an alert. */
  fired: boolean;
}

/** Wraps a detector with the firing rule of a live monitor: fire once, hold off, re-arm when calm. */
export class LiveMonitor {
  private readonly rule: FiringRule;
  private index = 0;
  constructor(
    readonly detector: StreamingDetector,
    policy: LivePolicy = defaultLivePolicy,
  ) {
    this.rule = new FiringRule(policy);
  }

  step(p: SeriesPoint): LiveStep {
    const s = this.detector.step(p);
    const fired = this.rule.step(s.score, s.strength);
    return { ...s, index: this.index++, timestamp: p.timestamp, fired };
  }
}
