import { z } from 'zod';
import { atLeast } from '../../auth/index.ts';
import { diagnoseTransaction, inspectAddress } from '../../chains/index.ts';
import { ForbiddenError } from '../../core/index.ts';
import type { HttpDeps } from '../deps.ts';
import { readJson } from '../read-json.ts';
import { defineRoute, type RouteDef } from '../route.ts';

const DiagnoseTxBody = z.object({
  hash: z.string().min(1).max(200),
  chain: z.string().max(64).optional(),
  rpc: z.string().url().max(2000).optional(),
  raw: z.string().max(262_144).optional(),
  locale: z.string().max(16).optional(),
  submittedAt: z.string().datetime({ offset: true }).optional(),
  expectedRecipient: z.string().min(1).max(200).optional(),
});

const InspectAddressBody = z.object({
  address: z.string().min(1).max(200),
  chain: z.string().max(64).optional(),
  rpc: z.string().url().max(2000).optional(),
  locale: z.string().max(16).optional(),
});

function checkRpcAllowed(deps: HttpDeps, rpc: string | undefined): void {
  if (rpc !== undefined && !deps.config.chains.httpAllowCustomRpc) {
    throw new ForbiddenError('This server does not fetch caller-supplied RPC URLs.', { metaMessages: ['Leave out "rpc" to use the configured endpoints, or set chains.httpAllowCustomRpc: true.'] });
  }
}

/** On-chain diagnosis: transactions (CONTRACTS.md §3) and addresses. */
export function chainsRoutes(deps: HttpDeps): RouteDef[] {
  return [
    defineRoute({
      method: 'POST',
      path: '/api/diagnose/tx',
      access: { roles: atLeast('agent') },
      summary: 'Diagnose a transaction: status and findings (CONTRACTS.md §3); without chain, every configured chain is searched.',
      handler: async (c) => {
        const body = await readJson(c, DiagnoseTxBody);
        checkRpcAllowed(deps, body.rpc);
        const { hash, ...rest } = body;
        return c.json(await diagnoseTransaction(deps.chains, { hash, ...definedOnly(rest), signal: c.req.raw.signal }));
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/address/inspect',
      access: { roles: atLeast('agent') },
      summary: 'Inspect an address: balances, nonce, pending count, contract or not, recent approvals; per chain.',
      handler: async (c) => {
        const body = await readJson(c, InspectAddressBody);
        checkRpcAllowed(deps, body.rpc);
        const { address, ...rest } = body;
        return c.json(await inspectAddress(deps.chains, { address, ...definedOnly(rest), signal: c.req.raw.signal }));
      },
    }),
  ];
}

function definedOnly<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
