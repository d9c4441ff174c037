import { parse as parseYaml } from 'yaml';
import { ArticleMeta, replyLocales, type Article, type ArticleMetaInput, type ReplyLocale } from './article.ts';
import { ArticleInvalidError } from './errors.ts';

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Parses an article file (YAML front matter + Markdown body); throws ArticleInvalidError listing every problem. */
export function parseArticle(text: string, where: string): Article {
  const m = frontMatter.exec(text.replace(/^\uFEFF/, ''));
  if (!m) throw new ArticleInvalidError(where, ['it must start with a front matter block between --- lines']);
  let raw: unknown;
  try {
    raw = parseYaml(m[1]!);
  } catch (err) {
    throw new ArticleInvalidError(where, [`front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}`]);
  }
  const parsed = ArticleMeta.safeParse(raw ?? {});
  if (!parsed.success) throw new ArticleInvalidError(where, parsed.error.issues.map((i) => `${i.path.join('.') || '(front matter)'}: ${i.message}`));
  return withBody(parsed.data, m[2]!.trim() + '\n', where);
}

/** Combines validated front matter with a body, extracting its sections and links. */
export function withBody(meta: ArticleMeta, body: string, where: string): Article {
  const sections = splitSections(body);
  const replies: Partial<Record<ReplyLocale, string>> = {};
  for (const loc of replyLocales) {
    const s = sections.get(`reply (${loc.toLowerCase()})`);
    if (s) replies[loc] = s;
  }
  if (!replies.en) throw new ArticleInvalidError(where, ['the body needs a "## Reply (en)" section']);
  const links = [...new Set([...body.matchAll(/\]\((?:\.\/)?([a-z0-9-]+)\.md(?:#[^)]*)?\)|\bkb:([a-z0-9-]+)/g)].map((x) => (x[1] ?? x[2])!))];
  return {
    ...meta,
    body,
    summary: sections.get('summary') ?? '',
    replies,
    diagnosis: sections.get('diagnosis (internal)') ?? sections.get('diagnosis') ?? '',
    links,
  };
}

/** `## Heading` → section text, keyed by the lower-cased heading. */
export function splitSections(body: string): Map<string, string> {
  const out = new Map<string, string>();
  let current: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (current !== undefined) out.set(current, lines.join('\n').trim());
  };
  for (const line of body.split(/\r?\n/)) {
    const h = /^##\s+(.+?)\s*$/.exec(line);
    if (h) {
      flush();
      current = h[1]!.toLowerCase();
      lines = [];
    } else lines.push(line);
  }
  flush();
  return out;
}

const metaOrder: readonly (keyof ArticleMeta)[] = ['slug', 'title', 'audience', 'categories', 'chains', 'tags', 'owner', 'reviewBy', 'findingCodes', 'language', 'translations'];

function yamlScalar(v: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9 ._/()-]*$/.test(v) && !/^(true|false|null|yes|no|on|off|~)$/i.test(v) && !/^\d/.test(v.replace(/^\d{4}-\d{2}-\d{2}$/, 'x')) ? v : JSON.stringify(v);
}

/** Renders front matter and body back to the Markdown file format (stable key order, flow lists). */
export function renderArticle(meta: ArticleMeta | ArticleMetaInput, body: string): string {
  const lines = ['---'];
  for (const key of metaOrder) {
    const v = (meta as Record<string, unknown>)[key];
    if (v === undefined) continue;
    if (Array.isArray(v)) lines.push(`${key}: [${v.map((x) => yamlScalar(String(x))).join(', ')}]`);
    else lines.push(`${key}: ${key === 'reviewBy' ? String(v) : yamlScalar(String(v))}`);
  }
  lines.push('---', '', body.trim(), '');
  return lines.join('\n');
}

/** The front matter fields of an article (for re-rendering). */
export function metaOf(a: ArticleMeta): ArticleMeta {
  return {
    slug: a.slug,
    title: a.title,
    audience: a.audience,
    categories: [...a.categories],
    chains: [...a.chains],
    tags: [...a.tags],
    owner: a.owner,
    reviewBy: a.reviewBy,
    findingCodes: [...a.findingCodes],
    language: a.language,
    translations: [...a.translations],
  };
}
