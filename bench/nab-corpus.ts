// The NAB subset as the benchmark scripts read it, and the live firing rule replayed over cached scores.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FiringRule, parseSeriesCsv, type LivePolicy, type SeriesPoint } from '../src/monitor/index.ts';
import { windowIndices, type IndexWindow } from './nab-score.ts';

export interface FileData {
  key: string;
  folder: string;
  points: SeriesPoint[];
  windows: IndexWindow[];
}

/** Every CSV under `root/data/<folder>/`, with its windows from `labels/combined_windows.json`. */
export function loadCorpus(root: string, only?: string): FileData[] {
  const labels = JSON.parse(readFileSync(join(root, 'labels/combined_windows.json'), 'utf8')) as Record<string, Array<[string, string]>>;
  const out: FileData[] = [];
  for (const folder of readdirSync(join(root, 'data')).sort()) {
    for (const name of readdirSync(join(root, 'data', folder)).sort()) {
      if (!name.endsWith('.csv')) continue;
      const key = `${folder}/${name}`;
      if (only && !key.includes(only)) continue;
      const points = parseSeriesCsv(readFileSync(join(root, 'data', folder, name), 'utf8'), key);
      out.push({ key, folder, points, windows: windowIndices(points.map((p) => p.timestamp), labels[key] ?? []) });
    }
  }
  return out;
}

/** The same rule as `LiveMonitor`, replayed over precomputed scores (so thresholds can be swept cheaply). */
export function liveFromScores(scores: ArrayLike<number>, policy: LivePolicy, strengths?: ArrayLike<number>): boolean[] {
  const rule = new FiringRule(policy);
  return Array.from({ length: scores.length }, (_, i) => rule.step(scores[i]!, strengths?.[i]));
}

/** Two folds for honest tuning: within each folder, files alternate between fold 0 and fold 1 (sorted by name). */
export function foldOf(files: readonly FileData[]): number[] {
  const seen = new Map<string, number>();
  return files.map((f) => {
    const n = seen.get(f.folder) ?? 0;
    seen.set(f.folder, n + 1);
    return n % 2;
  });
}
