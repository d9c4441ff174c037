import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { categories, Category, Severity, type Language } from '../ticket.ts';
import { CorpusInvalidError } from '../errors.ts';

export interface LabelledExample {
  id: string;
  category: Category;
  severity: Severity;
  language: Language;
  text: string;
  /** `test` rows are the fixed held-out set: every fifth line of each category file. */
  split: 'train' | 'test';
}

/**
 * Reads the labelled corpus: one `<category>.tsv` per category in `dir`, each line
 * `language<TAB>severity<TAB>text`; `#` lines are comments.
 */
export function loadCorpus(dir: string): LabelledExample[] {
  const out: LabelledExample[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.tsv')).sort();
  for (const file of files) {
    const category = Category.safeParse(file.replace(/\.tsv$/, ''));
    if (!category.success) throw new CorpusInvalidError(`${file} is not named after a category`, [`Categories: ${categories.join(', ')}`]);
    const lines = readFileSync(join(dir, file), 'utf8').split('\n');
    let n = 0;
    lines.forEach((line, i) => {
      if (!line.trim() || line.startsWith('#')) return;
      const [lang, sev, ...rest] = line.split('\t');
      const severity = Severity.safeParse(sev);
      if ((lang !== 'en' && lang !== 'es' && lang !== 'pt') || !severity.success || !rest.length) {
        throw new CorpusInvalidError(`${file} line ${i + 1} is not "language<TAB>severity<TAB>text"`);
      }
      n++;
      out.push({ id: `${category.data}:${i + 1}`, category: category.data, severity: severity.data, language: lang, text: rest.join('\t'), split: n % 5 === 0 ? 'test' : 'train' });
    });
  }
  return out;
}
