import type { Command } from 'commander';
import { action, addCommand } from '../define.ts';

/** `opsdesk telemetry ingest FILE…`: JSON lines (flat, OTLP/JSON, Kibana/Datadog/Loki exports) into the telemetry store. */
export function registerTelemetryIngest(program: Command): void {
  addCommand(program, 'telemetry ingest <files...>', 'Ingest JSON-lines telemetry (flat events, OTLP/JSON, Kibana, Datadog or Loki exports; plain or gzipped); exits 0 once every row is durable.')
    .option('--show-rejections <n>', 'list at most this many rejected rows on stderr (default 20)')
    .action(
      action(async (ctx, files: string[], opts: { showRejections?: string }) => {
        const telemetry = await (await ctx.runtime()).telemetry();
        const report = await telemetry.ingestFiles(files);
        const show = Math.max(0, Number(opts.showRejections ?? 20) || 0);
        for (const r of report.rejections.slice(0, show)) ctx.stderr(`rejected ${r.source}:${r.line}: ${r.reason}\n`);
        if (report.rejected > show) ctx.stderr(`… ${report.rejected - Math.min(show, report.rejections.length)} more rejected rows\n`);
        const { truncated, clampedTime, droppedAttributes } = report.adjustments;
        if (truncated || clampedTime || droppedAttributes) ctx.stderr(`adjusted: ${truncated} values truncated, ${clampedTime} future times clamped, ${droppedAttributes} attributes dropped\n`);
        const seconds = Math.round(report.seconds * 1000) / 1000;
        ctx.print(
          { ingested: report.ingested, rejected: report.rejected, seconds, adjustments: report.adjustments, rejections: report.rejections.slice(0, 100) },
          (r) => `ingested ${r.ingested} events in ${r.seconds} s${r.rejected ? ` (${r.rejected} rejected)` : ''}`,
        );
      }),
    );
}
