import { z } from 'zod';
import type { Actor, IncidentsDeps } from './deps.ts';
import { getIncident, type IncidentDetail } from './get-incident.ts';
import { appendTimeline, loadIncident, parseInput } from './internal.ts';
import { describeAffected } from './templates.ts';

export interface ImpactNumbers {
  tickets: number;
  alerts: number;
  clusters: number;
  signals: number;
  usersAffected: number | null;
  durationMin: number;
  timeToIdentifyMin: number | null;
  timeToMitigateMin: number | null;
  errorBudget: { sloTarget: number; windowDays: number; budgetMin: number; burnedMin: number; burnedPct: number; errorRatio: number; upperBound: boolean };
}

const minutes = (fromIso: string, toIso: string) => Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000));

/** The incident's impact in numbers: linked items, users, duration and error budget burned. */
export function impactNumbers(deps: Pick<IncidentsDeps, 'statusPage' | 'clock'>, detail: IncidentDetail): ImpactNumbers {
  const i = detail.incident;
  const end = i.resolvedAt ?? deps.clock.now().toISOString();
  const durationMin = minutes(i.startedAt, end);
  const count = (kind: string) => detail.links.filter((l) => l.kind === kind).length;
  const slo = deps.statusPage.sloTarget;
  const windowDays = deps.statusPage.sloWindowDays;
  const budgetMin = windowDays * 1440 * (1 - slo);
  const errorRatio = i.errorRatio ?? 1;
  const burnedMin = durationMin * errorRatio;
  return {
    tickets: count('ticket'),
    alerts: count('alert'),
    clusters: count('cluster'),
    signals: count('signal'),
    usersAffected: i.usersAffected,
    durationMin,
    timeToIdentifyMin: i.identifiedAt ? minutes(i.startedAt, i.identifiedAt) : null,
    timeToMitigateMin: i.monitoringAt ? minutes(i.startedAt, i.monitoringAt) : null,
    errorBudget: { sloTarget: slo, windowDays, budgetMin: round(budgetMin), burnedMin: round(burnedMin), burnedPct: round((100 * burnedMin) / budgetMin), errorRatio, upperBound: i.errorRatio === null },
  };
}

/** Generates the Markdown postmortem draft: summary, impact with numbers, timeline, contributing factors, action items. */
export async function draftPostmortem(deps: Pick<IncidentsDeps, 'store' | 'statusPage' | 'clock'>, id: string): Promise<string> {
  const detail = await getIncident(deps, id);
  const i = detail.incident;
  const n = impactNumbers(deps, detail);
  const affected = [...detail.components.map((c) => c.component.name), ...describeAffected(i.affected, 'en')];
  const lastUpdate = detail.updates[0]?.bodies.en.split('\n\n')[0];
  const budget = n.errorBudget;
  const lines = [
    `# Postmortem: ${i.title}`,
    '',
    `*Draft generated ${deps.clock.now().toISOString()} from incident \`${i.id}\`. Edit freely; blameless.*`,
    '',
    '## Summary',
    '',
    `- Severity: ${i.severity} (public impact: ${i.impact}); status: ${i.status}`,
    `- Started ${i.startedAt}${i.resolvedAt ? `, resolved ${i.resolvedAt}` : ' (not resolved yet)'}; declared ${i.source.type === 'manual' ? 'by hand' : `from ${i.source.type} \`${i.source.id ?? ''}\``}`,
    `- Commander: ${i.roles.commander ?? '—'}; comms: ${i.roles.comms ?? '—'}; scribe: ${i.roles.scribe ?? '—'}`,
    `- Affected: ${affected.length ? affected.join(', ') : '—'}`,
    ...(i.summary ? [`- What happened: ${i.summary}`] : []),
    ...(lastUpdate ? [`- Last public update: ${lastUpdate}`] : []),
    '',
    '## Impact',
    '',
    '| measure | value |',
    '| --- | --- |',
    `| duration | ${n.durationMin} min |`,
    `| time to identify | ${n.timeToIdentifyMin === null ? '—' : `${n.timeToIdentifyMin} min`} |`,
    `| time to mitigate | ${n.timeToMitigateMin === null ? '—' : `${n.timeToMitigateMin} min`} |`,
    `| linked tickets | ${n.tickets} |`,
    `| users affected | ${n.usersAffected ?? 'unknown (set usersAffected)'} |`,
    `| alerts / clusters / signals | ${n.alerts} / ${n.clusters} / ${n.signals} |`,
    `| error budget burned | ${budget.burnedPct}% of the ${budget.windowDays}-day budget at ${round(budget.sloTarget * 100)}% (${budget.burnedMin} of ${budget.budgetMin} min${budget.upperBound ? '; upper bound assuming every request failed, set errorRatio for the real figure' : `; error ratio ${budget.errorRatio}`}) |`,
    '',
    '## Timeline (UTC)',
    '',
    ...detail.timeline.map((t) => `- ${t.at.slice(0, 16).replace('T', ' ')} — ${t.actorName}: ${t.text.replace(/\n+/g, ' ')}`),
    '',
    '## Contributing factors',
    '',
    ...Object.entries(detail.providers).map(([provider, entries]) => `- External provider ${provider}: ${entries.length} log entr${entries.length === 1 ? 'y' : 'ies'}${entries.find((e) => e.reference) ? ` (reference ${entries.find((e) => e.reference)!.reference})` : ''}.`),
    '- (What made this possible or worse? Write each factor as a system condition, not a person.)',
    '',
    '## Action items',
    '',
    '| action | owner | due | tracking |',
    '| --- | --- | --- | --- |',
    ...(n.timeToIdentifyMin !== null && n.timeToIdentifyMin > 30 ? ['| Detect this failure mode sooner (identification took over 30 min) |  |  |  |'] : []),
    ...(n.tickets > 0 ? [`| Add a macro / KB article for the ${n.tickets} users who wrote in |  |  |  |`] : []),
    '|  |  |  |  |',
    '',
  ];
  return lines.join('\n');
}

const PostmortemText = z.string().min(1).max(200_000);

/** Saves the team's edited postmortem Markdown on the incident. */
export async function savePostmortem(deps: IncidentsDeps, id: string, markdown: string, actor: Actor): Promise<void> {
  const text = parseInput(PostmortemText, markdown, 'postmortem');
  await deps.store.db.transaction().execute(async (trx) => {
    const incident = await loadIncident(trx, id);
    await trx.updateTable('incidents').set({ postmortem: deps.redact(text), updated_at: deps.clock.now().toISOString() }).where('id', '=', id).execute();
    await appendTimeline(trx, deps, id, actor, 'postmortem', incident.postmortem ? 'Edited the postmortem' : 'Saved the postmortem', { length: text.length });
  });
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
