import { reportBlocks, type Block, type Inline } from './blocks.ts';
import { scrubText } from '../redaction/index.ts';
import type { Escalation } from './report.ts';

const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function inline(i: Inline, inTable: boolean): string {
  const esc = (s: string) => (inTable ? escapeCell(s) : s);
  if (typeof i === 'string') return esc(i);
  if ('code' in i) {
    const fence = i.code.includes('`') ? '``' : '`';
    return `${fence}${esc(i.code)}${fence}`;
  }
  return `[${esc(i.text.replace(/[[\]]/g, ''))}](${i.href.replace(/\)/g, '%29')})`;
}

/** Markdown of blocks (GitHub-flavoured: tables, fenced code). */
export function blocksToMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`${'#'.repeat(b.level)} ${b.text}`);
        break;
      case 'paragraph':
        out.push(b.content.map((i) => inline(i, false)).join(''));
        break;
      case 'list':
        out.push(b.items.map((item, n) => `${b.ordered ? `${n + 1}.` : '-'} ${item.map((i) => inline(i, false)).join('')}`).join('\n'));
        break;
      case 'code':
        out.push(`\`\`\`${b.language}\n${b.text}\n\`\`\``);
        break;
      case 'table':
        out.push([`| ${b.header.map(escapeCell).join(' | ')} |`, `| ${b.header.map(() => '---').join(' | ')} |`, ...b.rows.map((r) => `| ${r.map((i) => inline(i, true)).join(' | ')} |`)].join('\n'));
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}

/** The report as Markdown, what a human pastes into any tracker (title as the first heading). Redacted once more on the way out. */
export function renderMarkdown(e: Pick<Escalation, 'id' | 'report' | 'issues'>, options: { withTitle?: boolean } = {}): string {
  const body = blocksToMarkdown(reportBlocks(e.report, { escalation: e }));
  return scrubText(options.withTitle === false ? body : `# ${e.report.title}\n\n${body}`);
}
