import type { Command } from 'commander';
import { createChainService, inspectAddress, type AddressInspection } from '../../chains/index.ts';
import { action, addCommand } from '../define.ts';
import { renderFindings } from './tx-diagnose.ts';

function render(r: AddressInspection): string {
  const lines: string[] = [r.address];
  for (const rep of r.reports) {
    lines.push(`${rep.chain}: ${rep.isContract ? 'contract' : 'account'}, nonce ${rep.nonce ?? '?'}, ${rep.pendingCount ?? 0} pending`);
    for (const b of rep.balances) lines.push(`  ${b.display} ${b.symbol}${b.token ? ` (${b.token})` : ''}`);
    for (const a of rep.approvals ?? []) lines.push(`  approval: ${a.symbol ?? a.token} → ${a.spender}: ${a.unlimited ? 'unlimited' : a.amount}${a.currentAllowance !== undefined ? ` (now ${a.currentAllowance})` : ''}`);
    lines.push(...renderFindings(rep.findings));
  }
  for (const e of r.errors) lines.push(`${e.chain}: not reachable (${e.message})`);
  return lines.join('\n');
}

/** `opsdesk address inspect ADDRESS [--chain SLUG] [--rpc URL]`: balances, nonce, pending, contract, approvals. */
export function registerAddressInspect(program: Command): void {
  addCommand(program, 'address inspect <address>', 'Balances (native and common tokens), nonce, pending count, contract check and recent approvals of an address.')
    .option('--chain <slug>', 'chain slug (default: every configured chain whose address format fits)')
    .option('--rpc <url>', 'use this RPC endpoint; the chain is identified from it')
    .option('--locale <locale>', 'language of the user messages: en, es, pt-BR', 'en')
    .action(
      action(async (ctx, address: string, opts: { chain?: string; rpc?: string; locale: string }) => {
        const service = createChainService(ctx.config().chains, { logger: ctx.logger() });
        const r = await inspectAddress(service, { address, locale: opts.locale, ...(opts.chain ? { chain: opts.chain } : {}), ...(opts.rpc !== undefined ? { rpc: opts.rpc } : {}) });
        ctx.print(r, render);
      }),
    );
}
