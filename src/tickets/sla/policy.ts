import { z } from 'zod';
import { Priority } from '../ticket.ts';
import { alwaysOpen, BusinessCalendar, checkCalendar } from './calendar.ts';
import { SlaSettingsInvalidError } from './errors.ts';

export const slaMetrics = ['first_reply', 'next_reply', 'resolution'] as const;
export type SlaMetric = (typeof slaMetrics)[number];

/** What happens when a target is near (warning) or missed (breach): re-prioritise, re-assign, notify. */
export const SlaAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reprioritize'), priority: Priority }),
  z.object({ kind: z.literal('reassign'), to: z.string().min(1).describe('A user id, or "round_robin" (by skill).') }),
  z.object({ kind: z.literal('notify'), target: z.string().min(1).describe('Who to tell, e.g. "team-lead" or a channel name; delivered by the caller.') }),
]);
export type SlaAction = z.infer<typeof SlaAction>;

/** Targets for the tickets it matches (by priority, channel and tier; empty lists match all); the first matching policy applies. */
export const SlaPolicy = z.object({
  id: z.string().min(1),
  priorities: z.array(Priority).default([]),
  channels: z.array(z.string()).default([]),
  tiers: z.array(z.string()).default([]),
  calendar: z.string().default('always').describe('Id of a calendar of the settings.'),
  firstReplyMin: z.number().positive().optional(),
  nextReplyMin: z.number().positive().optional(),
  resolutionMin: z.number().positive().optional(),
  warnAt: z.number().gt(0).lt(1).default(0.75).describe('Fraction of a target after which the metric is in warning.'),
  onWarning: z.array(SlaAction).default([]),
  onBreach: z.array(SlaAction).default([]),
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export const SlaSettings = z.object({
  calendars: z.record(z.string(), BusinessCalendar),
  policies: z.array(SlaPolicy).min(1),
});
export type SlaSettings = z.infer<typeof SlaSettings>;

/** Parses SLA settings and checks every calendar and calendar reference. */
export function parseSlaSettings(input: unknown): SlaSettings {
  const r = SlaSettings.safeParse(input);
  if (!r.success) throw new SlaSettingsInvalidError('the SLA settings are malformed', r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const calendars: Record<string, BusinessCalendar> = { always: alwaysOpen, ...r.data.calendars };
  for (const [id, cal] of Object.entries(r.data.calendars)) calendars[id] = checkCalendar(cal);
  for (const p of r.data.policies) if (!calendars[p.calendar]) throw new SlaSettingsInvalidError(`policy ${p.id} uses an unknown calendar ${p.calendar}`);
  return { calendars, policies: r.data.policies };
}

/**
 * The default policies: p1 and p2 round the clock; p3 and p4 in business hours (São Paulo,
 * weekdays 08:00–12:00 and 13:00–19:00); chat answers faster. Replace them with `parseSlaSettings`.
 */
export const defaultSlaSettings: SlaSettings = parseSlaSettings({
  calendars: {
    business: {
      timeZone: 'America/Sao_Paulo',
      periods: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '19:00' }]])),
      holidays: [],
    },
  },
  policies: [
    { id: 'p1', priorities: ['p1'], calendar: 'always', firstReplyMin: 30, nextReplyMin: 60, resolutionMin: 8 * 60, onWarning: [{ kind: 'notify', target: 'team-lead' }], onBreach: [{ kind: 'notify', target: 'team-lead' }, { kind: 'reassign', to: 'round_robin' }] },
    { id: 'p2', priorities: ['p2'], calendar: 'always', firstReplyMin: 2 * 60, nextReplyMin: 4 * 60, resolutionMin: 24 * 60, onBreach: [{ kind: 'reprioritize', priority: 'p1' }, { kind: 'notify', target: 'team-lead' }] },
    { id: 'chat', channels: ['chat'], calendar: 'business', firstReplyMin: 15, nextReplyMin: 30, resolutionMin: 2 * 10 * 60, onBreach: [{ kind: 'reprioritize', priority: 'p2' }] },
    { id: 'p3', priorities: ['p3'], calendar: 'business', firstReplyMin: 8 * 60, nextReplyMin: 8 * 60, resolutionMin: 3 * 10 * 60, onBreach: [{ kind: 'reprioritize', priority: 'p2' }] },
    { id: 'p4', priorities: ['p4'], calendar: 'business', firstReplyMin: 2 * 10 * 60, nextReplyMin: 2 * 10 * 60, resolutionMin: 5 * 10 * 60 },
  ],
});

/** The first policy matching a ticket's priority, channel and tier, if any. */
export function policyFor(settings: SlaSettings, ticket: { priority: string; channel: string; tier?: string }): SlaPolicy | undefined {
  return settings.policies.find(
    (p) => (!p.priorities.length || (p.priorities as string[]).includes(ticket.priority)) && (!p.channels.length || p.channels.includes(ticket.channel)) && (!p.tiers.length || p.tiers.includes(ticket.tier ?? 'standard')),
  );
}
