import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { AffectedCell, LinkKind, Severity, SourceType, type AlertLike, type DeclareIncidentInput } from '../../incidents/index.ts';
import { action, addCommand } from '../define.ts';
import { cliActor, collect, incidentLine, readText } from './incident-common.ts';

interface Opts {
  title?: string;
  severity?: string;
  source?: string;
  alert?: string;
  alertJson?: string;
  summary?: string;
  affected?: string[];
  link?: string[];
  commander?: string;
  comms?: string;
  scribe?: string;
  as?: string;
}

/** `chain:feature:platform:version`, any part empty or `*` for "all". */
function parseCell(text: string): AffectedCell {
  const [chain, feature, platform, appVersion] = text.split(':').map((p) => (p === '*' || p === '' ? undefined : p));
  const cell = AffectedCell.safeParse({ ...(chain ? { chain } : {}), ...(feature ? { feature } : {}), ...(platform ? { platform } : {}), ...(appVersion ? { appVersion } : {}) });
  if (!cell.success) throw new ValidationError(`--affected ${JSON.stringify(text)} is not chain:feature:platform:version.`, { metaMessages: cell.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`) });
  return cell.data;
}

function parsePair<T extends string>(text: string, kinds: { safeParse(v: unknown): { success: boolean; data?: T } }, flag: string): { kind: T; id: string } {
  const at = text.indexOf(':');
  const kind = kinds.safeParse(text.slice(0, at));
  if (at < 1 || !kind.success || !text.slice(at + 1)) throw new ValidationError(`${flag} ${JSON.stringify(text)} must look like KIND:ID (e.g. ticket:tkt_123).`);
  return { kind: kind.data as T, id: text.slice(at + 1) };
}

/** `opsdesk incident declare`: by hand, from a cluster or signal id, or from an alert (JSON file). */
export function registerIncidentDeclare(program: Command): void {
  addCommand(program, 'incident declare', 'Declare an incident (status investigating); the source alert, cluster or signal is linked.')
    .option('--title <title>', 'what is broken, in plain words (defaults to the alert title with --alert-json)')
    .option('--severity <sev>', `one of ${Severity.options.join(', ')} (defaults from the alert with --alert-json)`)
    .option('--source <kind:id>', 'what it was declared from: cluster:ID or signal:ID or alert:ID')
    .option('--alert <id>', 'declare from an alert stored by the monitor (title, severity and start come from it)')
    .option('--alert-json <file>', 'declare from an alert record in a JSON file (or - for stdin)')
    .option('--summary <text>', 'internal summary (never published)')
    .option('--affected <chain:feature:platform:version>', 'affected matrix cell, repeatable; * or empty means all (e.g. ethereum:swap:ios:9.1.x)', collect)
    .option('--link <kind:id>', 'link an alert, ticket, cluster or signal, repeatable', collect)
    .option('--commander <who>', 'incident commander (default: you)')
    .option('--comms <who>', 'communications lead')
    .option('--scribe <who>', 'scribe')
    .option('--as <name>', 'your name in the timeline (default: the OS user)')
    .action(
      action(async (ctx, opts: Opts) => {
        const actor = cliActor(opts.as);
        const affected = (opts.affected ?? []).map(parseCell);
        const links = (opts.link ?? []).map((l) => parsePair(l, LinkKind, '--link'));
        const roles = { ...(opts.commander ? { commander: opts.commander } : { commander: actor.name }), ...(opts.comms ? { comms: opts.comms } : {}), ...(opts.scribe ? { scribe: opts.scribe } : {}) };
        const { incidents } = await ctx.runtime();
        let incident;
        if (opts.alert || opts.alertJson) {
          const severity = opts.severity === undefined ? undefined : Severity.parse(opts.severity);
          const overrides = { roles, ...(severity ? { severity } : {}), ...(opts.title ? { title: opts.title } : {}), ...(affected.length ? { affected } : {}) };
          if (opts.alert) incident = await incidents.declareFromStoredAlert(opts.alert, actor, overrides);
          else incident = await incidents.declareFromAlert(JSON.parse(await readText(opts.alertJson!)) as AlertLike, actor, overrides);
          if (links.length) await incidents.link(incident.id, links, actor);
        } else {
          if (!opts.title || !opts.severity) throw new ValidationError('--title and --severity are required (or give --alert or --alert-json).');
          const source = opts.source ? parsePair(opts.source, SourceType, '--source') : undefined;
          const input: DeclareIncidentInput = { title: opts.title, severity: opts.severity as Severity, affected, links, roles, ...(source ? { source: { type: source.kind, id: source.id } } : {}), ...(opts.summary ? { summary: opts.summary } : {}) };
          incident = await incidents.declare(input, actor);
        }
        ctx.print(incident, (i) => `Declared ${incidentLine(i)}\nPost the first public update with: opsdesk incident update ${i.id} --status investigating`);
      }),
    );
}
