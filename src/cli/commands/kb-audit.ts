import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import type { KbAuditReport } from '../../kb/index.ts';
import { action, addCommand } from '../define.ts';

const codePattern = /`((?:evm|btc|sol|tron|memo|xrp|xlm|cosmos|ton|common)\.[a-z0-9_.]+)`/g;

/** Reads known finding codes: a JSON array, one code per line, or Markdown with `code` spans. */
function readCodes(file: string): string[] {
  if (!existsSync(file)) throw new ValidationError(`No codes file ${file}.`, { metaMessages: ['Give a JSON array, one code per line, or a Markdown file such as docs/finding-codes.md.'] });
  const text = readFileSync(file, 'utf8');
  if (text.trimStart().startsWith('[')) {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) throw new ValidationError(`${file} must be a JSON array of strings.`);
    return parsed;
  }
  if (file.endsWith('.md')) return [...text.matchAll(codePattern)].map((m) => m[1]!);
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

function human(r: KbAuditReport): string {
  const lines = [`${r.articles} articles — ${r.ok ? 'no problems' : 'problems found'}`];
  const section = (title: string, items: string[]) => {
    lines.push(`${title}: ${items.length}`);
    for (const i of items.slice(0, 50)) lines.push(`  - ${i}`);
  };
  section('Past review date', r.stale.map((s) => `${s.slug} (review by ${s.reviewBy}, owner ${s.owner})`));
  section('Broken links', r.brokenLinks.map((b) => `${b.slug} → ${b.target}`));
  section('Possible duplicates', r.duplicates.map((d) => `${d.a} ~ ${d.b} (${d.reason}, ${d.similarity})`));
  section('Never used', r.neverUsed);
  section('Finding codes without an article', r.coverageGaps);
  section('Missing replies', r.missingTranslations.map((m) => `${m.slug}: ${m.locales.join(', ')}`));
  return lines.join('\n');
}

/** `opsdesk kb audit`: stale, broken links, duplicates, never used, coverage gaps. */
export function registerKbAudit(program: Command): void {
  addCommand(program, 'kb audit', 'Audit the knowledge base: past review date, broken links, duplicates, never used, finding codes without an article.')
    .option('--codes <file>', 'known finding codes (JSON array, one per line, or Markdown); default docs/finding-codes.md when present')
    .option('--today <date>', 'the date to check review dates against (YYYY-MM-DD; default today)')
    .action(
      action(async (ctx, opts: { codes?: string; today?: string }) => {
        if (opts.today && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new ValidationError(`--today must be YYYY-MM-DD, got ${JSON.stringify(opts.today)}.`);
        const codesFile = opts.codes ?? (existsSync('docs/finding-codes.md') ? 'docs/finding-codes.md' : undefined);
        const knownCodes = codesFile ? readCodes(codesFile) : undefined;
        const kb = await (await ctx.runtime()).kb();
        const report = await kb.audit({ ...(knownCodes ? { knownCodes } : {}), ...(opts.today ? { today: opts.today } : {}) });
        ctx.print(report, human);
      }),
    );
}
