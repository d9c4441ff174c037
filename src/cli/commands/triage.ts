import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { kbSearchFrom, openTriager, orderResult, parseTriageInput, readTextInput, triageJsonLines, type TriageResult } from '../../tickets/index.ts';
import { action, addCommand } from '../define.ts';

function human(r: TriageResult): string {
  const lines = [
    `${r.category} (${Math.round(r.categoryConfidence * 100)}%)  severity ${r.severity}  priority ${r.priority}  language ${r.language}`,
    r.chains.length ? `chains: ${r.chains.join(', ')}` : '',
    r.securityFlags.length ? `SECURITY: ${r.securityFlags.join(', ')} — follow playbook ${r.playbook ?? 'seed-phrase-exposed'}` : '',
    `why: ${r.reasons.filter((x) => x.supports === 'category').map((x) => x.text).slice(0, 6).join(', ')}`,
    r.kb.length ? `kb: ${r.kb.map((k) => k.slug).join(', ')}` : '',
    `reply: ${r.acknowledgement}`,
  ];
  return lines.filter(Boolean).join('\n');
}

/** `opsdesk triage [FILE|-] --json` and `opsdesk triage --jsonl FILE` (CONTRACTS.md §1). */
export function registerTriage(program: Command): void {
  addCommand(program, 'triage [file]', 'Classify a ticket (text or JSON; FILE or - for stdin): category, severity, priority, entities, redactions, reasons.')
    .option('--jsonl <file>', 'batch: one JSON object per line ({ id, text } or { id, subject?, body, … }), one result per line in the same order')
    .action(
      action(async (ctx, file: string | undefined, opts: { jsonl?: string }) => {
        if (opts.jsonl && file) throw new ValidationError('Give either FILE or --jsonl FILE, not both.');
        if (opts.jsonl) {
          // Batch mode stays lean (no store, no KB search): only the playbook is suggested; lines run on worker threads.
          const text = await readTextInput(opts.jsonl);
          const counts = await triageJsonLines(text.split('\n'), { dataDir: ctx.config().dataDir }, (chunk) => ctx.stdout(chunk));
          ctx.stderr(`triaged ${counts.ok} tickets, rejected ${counts.rejected}\n`);
          return;
        }
        const input = parseTriageInput(await readTextInput(file ?? '-'));
        const kb = await ctx
          .runtime()
          .then((r) => r.kb())
          .catch(() => undefined);
        const triager = await openTriager({ dataDir: ctx.config().dataDir, ...(kb ? { kbSearch: kbSearchFrom(kb) } : {}) });
        const result = triager.triage(input);
        ctx.print(orderResult(result), () => human(result));
      }),
    );
}
