import { isOpsError } from '../../core/index.ts';
import { ImportFormatError } from '../errors.ts';
import { ingestTicket, type IngestDeps } from './ingest.ts';
import { parseCsvExport, parseCsvMap, parseFreshdeskExport, parseZendeskExport, type ImportItem } from './import-formats.ts';

export const importFormats = ['zendesk', 'freshdesk', 'csv'] as const;
export type ImportFormat = (typeof importFormats)[number];

export interface ImportReport {
  format: ImportFormat;
  imported: number;
  /** Rows whose source id was already imported (re-running an import never duplicates). */
  duplicates: number;
  rejected: Array<{ where: string; error: string }>;
  ticketIds: string[];
}

/** Imports a Zendesk, Freshdesk or CSV export; bad rows are rejected and counted, the others go in. */
export async function importTickets(deps: IngestDeps, format: ImportFormat, text: string, options: { map?: string } = {}): Promise<ImportReport> {
  let items: ImportItem[];
  if (format === 'zendesk') items = parseZendeskExport(text);
  else if (format === 'freshdesk') items = parseFreshdeskExport(text);
  else if (format === 'csv') items = parseCsvExport(text, parseCsvMap(options.map));
  else throw new ImportFormatError(`unknown format ${JSON.stringify(format)}`, [`Formats: ${importFormats.join(', ')}`]);
  const report: ImportReport = { format, imported: 0, duplicates: 0, rejected: [], ticketIds: [] };
  for (const item of items) {
    if (!item.ok) {
      report.rejected.push({ where: item.where, error: item.error });
      continue;
    }
    try {
      const res = await ingestTicket(deps, item.message);
      if (res.created) report.imported++;
      else report.duplicates++;
      report.ticketIds.push(res.ticketId);
    } catch (err) {
      if (!isOpsError(err) || err.code !== 'VALIDATION') throw err;
      report.rejected.push({ where: item.where, error: err.shortMessage });
    }
  }
  deps.logger?.info({ format, imported: report.imported, duplicates: report.duplicates, rejected: report.rejected.length }, 'tickets imported');
  return report;
}
