import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createChainService } from '../../chains/index.ts';
import { ValidationError, describeJsonError } from '../../core/index.ts';
import { chainTransferChecker, explainPayments, getPaymentEvents, normalizePaymentEvent, paymentProviders, type PaymentExplanation } from '../../payments/index.ts';
import { action, addCommand } from '../define.ts';
import { renderFindings } from './tx-diagnose.ts';

function render(items: readonly PaymentExplanation[]): string {
  return items
    .map((x) =>
      [
        `${x.kind} ${x.subjectId} (${x.provider}): ${x.status}`,
        ...x.timeline.map((t) => `  ${t.at}  ${t.what}${t.amount ? `  ${t.amount}` : ''}`),
        ...(x.transaction ? [x.transaction.ok ? `  on chain: ${x.transaction.diagnosis.chain} ${x.transaction.diagnosis.hash} ${x.transaction.diagnosis.status}` : `  on-chain check failed: ${x.transaction.error.message}`] : []),
        ...renderFindings(x.findings),
      ].join('\n'),
    )
    .join('\n\n');
}

/** `opsdesk payment explain [FILE|-] --provider P` or `--id SUBJECT`: card declines, holds, FX, refunds and on-ramp orders explained. */
export function registerPaymentExplain(program: Command): void {
  addCommand(program, 'payment explain [file]', 'Explain a card payment or an on-ramp order from a webhook payload (FILE or - for stdin) or from stored events (--id).')
    .option('--provider <name>', `payload shape: ${paymentProviders.join(', ')}`, 'generic')
    .option('--id <subject>', 'explain the stored events of this authorisation id or order id instead of a file')
    .option('--locale <locale>', 'language of the user messages: en, es, pt-BR', 'en')
    .option('--no-chain-check', 'do not look the on-ramp delivery transaction up on chain')
    .action(
      action(async (ctx, file: string | undefined, opts: { provider: string; id?: string; locale: string; chainCheck: boolean }) => {
        if (!file && !opts.id) throw new ValidationError('Give a payload FILE (or - for stdin) or --id SUBJECT.');
        const service = opts.chainCheck ? createChainService(ctx.config().chains, { logger: ctx.logger() }) : undefined;
        const options = { locale: opts.locale, ...(service ? { checkTransfer: chainTransferChecker(service) } : {}) };
        let events;
        if (opts.id) {
          const { store } = await ctx.runtime();
          events = await getPaymentEvents(store.db, opts.id);
        } else {
          let text: string;
          try {
            text = readFileSync(file === '-' ? 0 : file!, 'utf8');
          } catch (err) {
            throw new ValidationError(`Cannot read ${file}: ${(err as Error).message}.`);
          }
          let payload: unknown;
          try {
            payload = JSON.parse(text);
          } catch (err) {
            throw new ValidationError(`${file} is not JSON: ${describeJsonError(err)}.`, { metaMessages: ['Give the webhook body as sent by the provider, or an array of generic events.'] });
          }
          events = Array.isArray(payload) && opts.provider !== 'generic' ? payload.flatMap((p: unknown) => normalizePaymentEvent(opts.provider, p)) : normalizePaymentEvent(opts.provider, payload);
        }
        const items = await explainPayments(events, options);
        ctx.print(items, render);
      }),
    );
}
