import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { detectSeries, parseSeriesCsv, SeriesFileNotFoundError } from '../../monitor/index.ts';
import { action, addCommand } from '../define.ts';

async function readInput(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new SeriesFileNotFoundError(file);
    throw err;
  }
}

/** `opsdesk monitor detect FILE.csv` (CONTRACTS.md §5). */
export function registerMonitorDetect(program: Command): void {
  addCommand(program, 'monitor detect <file>', 'Run the anomaly detector over a timestamp,value CSV and list the rows where a live monitor would alert.')
    .option('--metric <name>', 'what the series measures, used in the explanations (e.g. "p95 of /v1/swap on polygon")')
    .option('--unit <unit>', 'unit of the values (ms, s, %, or any label)')
    .action(
      action(async (ctx, file: string, opts: { metric?: string; unit?: string }) => {
        const points = parseSeriesCsv(await readInput(file), file === '-' ? 'stdin' : file);
        const result = detectSeries(points, { ...(opts.metric ? { metric: opts.metric } : {}), ...(opts.unit ? { unit: opts.unit } : {}) });
        ctx.print(result, (r) =>
          [`${r.points} points, detector ${r.detector}: ${r.alerts.length} alert${r.alerts.length === 1 ? '' : 's'}`, ...r.alerts.map((a) => `${a.timestamp}  ${a.score.toFixed(2)}  ${a.message}`)].join('\n'),
        );
      }),
    );
}
