import type { Block, Inline } from '../blocks.ts';

/** Atlassian Document Format nodes (the subset the report uses). */
export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  text?: string;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

export interface AdfDoc {
  version: 1;
  type: 'doc';
  content: AdfNode[];
}

function text(i: Inline): AdfNode | undefined {
  if (typeof i === 'string') return i ? { type: 'text', text: i } : undefined;
  if ('code' in i) return i.code ? { type: 'text', text: i.code, marks: [{ type: 'code' }] } : undefined;
  return { type: 'text', text: i.text || i.href, marks: [{ type: 'link', attrs: { href: i.href } }] };
}

const paragraph = (content: readonly Inline[]): AdfNode => ({ type: 'paragraph', content: content.map(text).filter((n): n is AdfNode => n !== undefined) });

/** Blocks as an ADF document (Jira REST v3 descriptions). */
export function blocksToAdf(blocks: readonly Block[]): AdfDoc {
  const content: AdfNode[] = blocks.map((b): AdfNode => {
    switch (b.kind) {
      case 'heading':
        return { type: 'heading', attrs: { level: b.level }, content: [{ type: 'text', text: b.text }] };
      case 'paragraph':
        return paragraph(b.content);
      case 'list':
        return { type: b.ordered ? 'orderedList' : 'bulletList', content: b.items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) };
      case 'code':
        return { type: 'codeBlock', attrs: { language: b.language }, content: [{ type: 'text', text: b.text }] };
      case 'table':
        return {
          type: 'table',
          content: [
            { type: 'tableRow', content: b.header.map((c) => ({ type: 'tableHeader', content: [paragraph([c])] })) },
            ...b.rows.map((r) => ({ type: 'tableRow', content: r.map((c) => ({ type: 'tableCell', content: [paragraph([c])] })) })),
          ],
        };
    }
  });
  return { version: 1, type: 'doc', content };
}
