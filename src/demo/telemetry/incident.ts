import type { DemoChain, DemoPlatform, DemoRoute } from './profile.ts';

/** The injected incident: a slow, failing path for one segment of the traffic. */
export interface DemoIncident {
  /** Epoch ms the incident starts and ends (it ramps in over `rampMs`). */
  startMs: number;
  endMs: number;
  rampMs: number;
  route: DemoRoute;
  chain: DemoChain;
  platform: DemoPlatform;
  appVersion: string;
  /** Latency multiplier of the affected requests at full strength (p95 rises by about this much). */
  latencyFactor: number;
  /** Share of affected requests that fail (504 from the gateway) at full strength. */
  errorRate: number;
  /** The swap router version only android 9.2.0 uses; its polygon path is what degrades. */
  router: string;
}

export function demoIncident(startMs: number, durationMs: number, overrides: Partial<Omit<DemoIncident, 'startMs' | 'endMs'>> = {}): DemoIncident {
  return {
    startMs,
    endMs: startMs + durationMs,
    rampMs: 20_000,
    route: '/v1/swap',
    chain: 'polygon',
    platform: 'android',
    appVersion: '9.2.0',
    latencyFactor: 5.5,
    errorRate: 0.35,
    router: 'v2',
    ...overrides,
  };
}

/** 0 outside the incident, rising to 1 over the ramp, 1 until it ends. */
export function incidentStrength(incident: DemoIncident | undefined, tsMs: number): number {
  if (!incident || tsMs < incident.startMs || tsMs >= incident.endMs) return 0;
  return Math.min(1, (tsMs - incident.startMs) / Math.max(1, incident.rampMs));
}

/** Whether a request belongs to the affected segment. */
export function isAffected(incident: DemoIncident | undefined, r: { route: string; chain: string; platform: string; appVersion: string }): boolean {
  return !!incident && r.route === incident.route && r.chain === incident.chain && r.platform === incident.platform && r.appVersion === incident.appVersion;
}
