import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../core/index.ts';
import type { Db } from '../storage/index.ts';
import { KbDirMissingError } from './errors.ts';
import { archiveArticle, selectArticles, writeArticle } from './internal.ts';
import { parseArticle } from './parse.ts';

export interface SyncReport {
  added: string[];
  updated: string[];
  unchanged: number;
  archived: string[];
  /** Files that could not be loaded, with the reason; the others still load. */
  problems: Array<{ file: string; message: string }>;
  /** slug → the file it was read from. */
  files: Map<string, string>;
}

export interface SyncOptions {
  /** Archive stored articles whose file is gone (default true). */
  archiveMissing?: boolean;
}

/** Loads every `*.md` of the KB directory into the store: new files are added, changed ones get a new version. */
export async function syncKbDir(db: Db, dir: string, clock: Clock, options: SyncOptions = {}): Promise<SyncReport> {
  if (!existsSync(dir)) throw new KbDirMissingError(dir);
  const report: SyncReport = { added: [], updated: [], unchanged: 0, archived: [], problems: [], files: new Map() };
  const at = clock.now().toISOString();
  const names = readdirSync(dir).filter((n) => n.endsWith('.md') && !n.startsWith('.') && n.toLowerCase() !== 'readme.md').sort();
  for (const name of names) {
    const file = join(dir, name);
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
      const a = parseArticle(content, name);
      if (report.files.has(a.slug)) throw new Error(`slug ${a.slug} is also used by ${report.files.get(a.slug)}`);
      report.files.set(a.slug, file);
      const r = await writeArticle(db, { slug: a.slug, content, source: 'file', author: null, at });
      if (!r.changed) report.unchanged++;
      else if (r.previous === undefined) report.added.push(a.slug);
      else report.updated.push(a.slug);
    } catch (err) {
      report.problems.push({ file: name, message: (err as Error).message.split('\n').filter(Boolean).slice(0, 4).join(' ') });
    }
  }
  if (options.archiveMissing ?? true) {
    for (const row of await selectArticles(db)) {
      if (!report.files.has(row.slug) && !names.includes(`${row.slug}.md`)) {
        await archiveArticle(db, row.slug, at);
        report.archived.push(row.slug);
      }
    }
  }
  return report;
}
