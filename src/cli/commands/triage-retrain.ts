import type { Command } from 'commander';
import { retrainTriage } from '../../tickets/index.ts';
import { action, addCommand } from '../define.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** `opsdesk triage retrain [--force]`: folds agent corrections into a new model version. */
export function registerTriageRetrain(program: Command): void {
  addCommand(program, 'triage retrain', 'Retrain the triage model on the corpus plus stored agent corrections; refuses a model that is worse on the held-out set.')
    .option('--force', 'write the new model even if it scores lower on the held-out set')
    .action(
      action(async (ctx, opts: { force?: boolean }) => {
        const { store, clock, config } = await ctx.runtime();
        const report = await retrainTriage(store.db, { dataDir: config.dataDir, force: Boolean(opts.force), clock });
        ctx.print(report, (r) =>
          [
            `model v${r.version} written to ${r.path}`,
            `trained on ${r.corpus} corpus examples + ${r.corrections} corrections; held-out ${r.heldOut}`,
            `category accuracy ${pct(r.categoryAccuracy)}, severity within one level ${pct(r.severityWithinOne)}`,
            r.previous ? `previous v${r.previous.version}: ${pct(r.previous.categoryAccuracy)}, ${pct(r.previous.severityWithinOne)}` : 'no previous model',
          ].join('\n'),
        );
      }),
    );
}
