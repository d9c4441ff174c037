import type { Command } from 'commander';
import { ValidationError } from '../../core/index.ts';
import { createTicketService, importFormats, openTriager, readTextInput, TicketInputInvalidError, type ImportFormat } from '../../tickets/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk ticket import --format zendesk|freshdesk|csv FILE [--map col=field,…]`. */
export function registerTicketImport(program: Command): void {
  addCommand(program, 'ticket import <file>', 'Import tickets from a Zendesk or Freshdesk JSON export or a CSV; re-importing never duplicates.')
    .requiredOption('--format <format>', `one of ${importFormats.join(', ')}`)
    .option('--map <mapping>', 'CSV column mapping, e.g. "Ticket=id,Message=body,Email=requester"')
    .action(
      action(async (ctx, file: string, opts: { format: string; map?: string }) => {
        if (!(importFormats as readonly string[]).includes(opts.format)) throw new ValidationError(`--format must be one of ${importFormats.join(', ')}, got ${JSON.stringify(opts.format)}.`);
        const text = await readTextInput(file);
        const runtime = await ctx.runtime();
        const triager = await openTriager({ dataDir: runtime.config.dataDir });
        const service = createTicketService({ store: runtime.store, triager, clock: runtime.clock, logger: runtime.logger });
        const report = await service.import(opts.format as ImportFormat, text, opts.map ? { map: opts.map } : {});
        ctx.print(report, (r) =>
          [`imported ${r.imported}, already present ${r.duplicates}, rejected ${r.rejected.length}`, ...r.rejected.map((x) => `  ${x.where}: ${x.error}`)].join('\n'),
        );
        if (report.imported + report.duplicates === 0 && report.rejected.length) {
          throw new TicketInputInvalidError(`no row of ${file} could be imported (${report.rejected.length} rejected)`);
        }
      }),
    );
}
