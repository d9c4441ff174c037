import type { Clock } from '../../core/index.ts';
import type { IntakeMessage, TicketService } from '../../tickets/index.ts';
import type { ScenarioTx } from '../scenarios/scenario.ts';
import { everydayTickets, incidentTickets, scenarioTickets, type TicketText } from './ticket-texts.ts';
import { mulberry32 } from '../telemetry/index.ts';

const names = ['Lucía Fernández', 'Tom Becker', 'Ana Souza', 'Kenji Mori', 'Priya Nair', 'João Lima', 'Sofía Rojas', 'Mark Evans', 'Beatriz Costa', 'Omar Haddad', 'Elena Petrova', 'Diego Alves'];
const platforms = [
  ['ios', '9.2.0'],
  ['android', '9.1.4'],
  ['web', '9.2.0'],
  ['ios', '9.1.4'],
] as const;
const channels = ['email', 'chat', 'in-app'] as const;


function toMessage(t: TicketText, index: number, createdAt: Date, txs: readonly ScenarioTx[], rnd: () => number, prefix: string): IntakeMessage | undefined {
  const tx = t.scenario ? txs.find((x) => x.key === t.scenario) : undefined;
  if (t.scenario && !tx) return undefined;
  const body = t.body.replaceAll('{hash}', tx?.hash ?? '').replaceAll('{address}', tx?.user ?? '');
  const name = names[Math.floor(rnd() * names.length)]!;
  const [platform, appVersion] = t.app ? [t.app.platform, t.app.version] : platforms[Math.floor(rnd() * platforms.length)]!;
  const requester = `${name.split(' ')[0]!.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase()}.${index}@example.com`;
  return {
    source: 'demo',
    sourceId: `${prefix}-${index}`,
    channel: channels[Math.floor(rnd() * channels.length)]!,
    requester,
    requesterName: name,
    subject: t.subject,
    createdAt: createdAt.toISOString(),
    platform,
    appVersion,
    locale: t.lang === 'pt' ? 'pt-BR' : t.lang,
    ...(t.tier ? { tier: t.tier } : {}),
    messages: [{ authorKind: 'requester', author: requester, body, createdAt: createdAt.toISOString(), attachments: [] }],
  };
}

/**
 * The demo's backlog: every scenario ticket and the everyday ones, spread over the last six hours, plus a
 * second wave of the commonest questions so the queue and the clusters look like a real day (~60 tickets).
 * `everyday` needs no devnet (it runs while the devnet starts); `scenarios` quotes the transactions.
 * Each goes through the real intake (redaction, triage, clustering); re-running skips what is stored.
 */
export async function seedBacklogTickets(tickets: Pick<TicketService, 'ingest'>, part: { everyday: true } | { scenarios: readonly ScenarioTx[] }, clock: Clock): Promise<number> {
  const texts = [...scenarioTickets, ...everydayTickets, ...everydayTickets.filter((_, i) => i % 3 === 1)];
  const txs = 'scenarios' in part ? part.scenarios : [];
  const now = clock.nowMs();
  let created = 0;
  for (const [i, t] of texts.entries()) {
    if (Boolean(t.scenario) !== 'scenarios' in part) continue;
    const rnd = mulberry32(14 + i);
    const at = new Date(now - Math.floor((texts.length - i) * ((6 * 3600_000) / texts.length) * (0.6 + rnd() * 0.4)));
    const message = toMessage(t, i, at, txs, rnd, 'backlog');
    if (message && (await tickets.ingest(message)).created) created++;
  }
  return created;
}

/** The incident wave: one ticket about slow swaps every `everyMs`, starting now. Returns a stop function. */
export function startIncidentTickets(tickets: Pick<TicketService, 'ingest'>, clock: Clock, options: { everyMs: number; onError(err: unknown): void }): () => void {
  const rnd = mulberry32(41);
  let next = 0;
  const send = () => {
    const t = incidentTickets[next];
    if (!t) return clearInterval(timer);
    const message = toMessage(t, next++, clock.now(), [], rnd, `incident-${clock.now().toISOString().slice(0, 13)}`);
    if (message) tickets.ingest(message).catch(options.onError);
  };
  const timer = setInterval(send, options.everyMs);
  timer.unref();
  send();
  return () => clearInterval(timer);
}
