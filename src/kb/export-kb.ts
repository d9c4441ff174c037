import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replyLocales, type StoredArticle } from './article.ts';
import { escapeHtml, markdownToHtml } from './markdown.ts';

export interface KbExportReport {
  dir: string;
  articles: number;
  files: string[];
}

const localeNames: Record<string, string> = { en: 'English', es: 'Español', 'pt-BR': 'Português (Brasil)' };

/**
 * Writes the public articles as a static help centre (`index.html`, `<slug>.html`) and for AI tools
 * (`llms.txt`, `llms-full.txt` and one Markdown file per article under `md/`). Internal articles and
 * the internal diagnosis sections are never exported.
 */
export function exportKb(articles: readonly StoredArticle[], outDir: string, siteTitle = 'Help centre'): KbExportReport {
  const pub = articles.filter((a) => a.audience === 'public').sort((a, b) => a.title.localeCompare(b.title));
  const slugs = new Set(pub.map((a) => a.slug));
  mkdirSync(join(outDir, 'md'), { recursive: true });
  const files: string[] = [];
  const write = (rel: string, content: string) => {
    writeFileSync(join(outDir, rel), content);
    files.push(rel);
  };
  const link = (href: string) => {
    const m = /^(?:\.\/)?([a-z0-9-]+)\.md$/.exec(href) ?? /^kb:([a-z0-9-]+)$/.exec(href);
    if (m) return slugs.has(m[1]!) ? `${m[1]}.html` : undefined;
    return /^https?:/.test(href) ? href : undefined;
  };
  const mdBodies: string[] = [];
  for (const a of pub) {
    const md = publicMarkdown(a);
    mdBodies.push(md);
    write(`md/${a.slug}.md`, md);
    const sections = replyLocales
      .filter((l) => a.replies[l])
      .map((l) => `<section lang="${l}" id="${l}"><h2>${escapeHtml(localeNames[l] ?? l)}</h2>\n${markdownToHtml(a.replies[l]!, link)}</section>`)
      .join('\n');
    write(`${a.slug}.html`, page(a.title, `<p><a href="index.html">← ${escapeHtml(siteTitle)}</a></p>\n<h1>${escapeHtml(a.title)}</h1>\n${markdownToHtml(a.summary, link)}\n${sections}`));
  }
  const byCategory = new Map<string, StoredArticle[]>();
  for (const a of pub) {
    const c = a.categories[0] ?? 'other';
    byCategory.set(c, [...(byCategory.get(c) ?? []), a]);
  }
  const index = [...byCategory.entries()]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([c, list]) => `<h2>${escapeHtml(c.replace(/_/g, ' '))}</h2>\n<ul>${list.map((a) => `<li><a href="${a.slug}.html">${escapeHtml(a.title)}</a></li>`).join('')}</ul>`)
    .join('\n');
  write('index.html', page(siteTitle, `<h1>${escapeHtml(siteTitle)}</h1>\n${index}`));
  const llms = [
    `# ${siteTitle}`,
    '',
    '> Answers for users of a multi-chain, non-custodial crypto wallet, each in English, Spanish and Brazilian Portuguese. Support never asks for a secret phrase or private key.',
    '',
    '## Articles',
    '',
    ...pub.map((a) => `- [${a.title}](md/${a.slug}.md): ${firstSentence(a.summary)}`),
    '',
  ].join('\n');
  write('llms.txt', llms);
  write('llms-full.txt', mdBodies.join('\n\n---\n\n'));
  return { dir: outDir, articles: pub.length, files };
}

function publicMarkdown(a: StoredArticle): string {
  const parts = [`# ${a.title}`, '', `Categories: ${a.categories.join(', ')}${a.chains.length ? ` · Chains: ${a.chains.join(', ')}` : ''}`, ''];
  if (a.summary) parts.push(a.summary, '');
  for (const l of replyLocales) if (a.replies[l]) parts.push(`## ${localeNames[l] ?? l}`, '', a.replies[l]!, '');
  return parts.join('\n');
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const m = /^(.{20,300}?[.!?])(\s|$)/.exec(flat);
  return m ? m[1]! : flat.slice(0, 200);
}

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>\n<style>body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}section{border-top:1px solid #ddd;margin-top:1.5rem}code{background:#f3f3f3;padding:0 .2em}</style></head>\n<body>\n${body}\n</body></html>\n`;
}
