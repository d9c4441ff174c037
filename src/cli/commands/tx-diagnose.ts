import type { Command } from 'commander';
import { createChainService, diagnoseTransaction, type Finding, type TxDiagnosis } from '../../chains/index.ts';
import { ValidationError } from '../../core/index.ts';
import { action, addCommand } from '../define.ts';

/** Renders findings for a terminal: severity, summary, what to tell the user, next steps. */
export function renderFindings(findings: readonly Finding[]): string[] {
  return findings.flatMap((f) => [`  [${f.severity}] ${f.code}: ${f.summary}`, `    tell the user: ${f.userMessage}`, ...f.nextSteps.map((s) => `    - ${s}`)]);
}

function renderDiagnosis(d: TxDiagnosis): string {
  const where = d.chainId !== undefined ? `${d.chain} (chain id ${d.chainId})` : d.chain;
  return [
    `${d.hash} on ${where}: ${d.status}${d.foundOn ? ` (found on ${d.foundOn.chain}: ${d.foundOn.status})` : ''}`,
    ...(d.searchedChains ? [`  searched: ${d.searchedChains.join(', ')}`] : []),
    ...(d.explorerUrl ? [`  ${d.explorerUrl}`] : []),
    ...renderFindings(d.findings),
  ].join('\n');
}

/** `opsdesk tx diagnose HASH [--chain SLUG] [--rpc URL] [--raw HEX]` (CONTRACTS.md §3). */
export function registerTxDiagnose(program: Command): void {
  addCommand(program, 'tx diagnose <hash>', 'Explain what happened to a transaction: status and findings with user messages and next steps.')
    .option('--chain <slug>', 'chain slug (default: search every configured chain whose hash format fits)')
    .option('--rpc <url>', 'use this RPC endpoint; the chain is identified from it')
    .option('--raw <hex>', 'the signed raw transaction, to explain dropped or replaced transactions')
    .option('--locale <locale>', 'language of the user messages: en, es, pt-BR', 'en')
    .option('--submitted-at <iso>', 'when the user sent it (ISO-8601), to tell how long a pending transaction has waited')
    .option('--to <address>', 'the address the user meant to pay: says whether an output paid it (Bitcoin family, Tron)')
    .action(
      action(async (ctx, hash: string, opts: { chain?: string; rpc?: string; raw?: string; locale: string; submittedAt?: string; to?: string }) => {
        if (opts.submittedAt !== undefined && Number.isNaN(Date.parse(opts.submittedAt))) throw new ValidationError(`--submitted-at must be an ISO-8601 time, got ${JSON.stringify(opts.submittedAt)}.`);
        const service = createChainService(ctx.config().chains, { logger: ctx.logger() });
        const d = await diagnoseTransaction(service, { hash, locale: opts.locale, ...(opts.chain ? { chain: opts.chain } : {}), ...(opts.rpc !== undefined ? { rpc: opts.rpc } : {}), ...(opts.raw ? { raw: opts.raw } : {}), ...(opts.submittedAt ? { submittedAt: opts.submittedAt } : {}), ...(opts.to ? { expectedRecipient: opts.to } : {}) });
        ctx.print(d, renderDiagnosis);
      }),
    );
}
