import { z } from 'zod';

const AccountKey = z.union([z.string(), z.object({ pubkey: z.string(), writable: z.boolean().optional(), signer: z.boolean().optional() })]);
const Instruction = z.object({
  programId: z.string().optional(),
  programIdIndex: z.number().optional(),
  program: z.string().optional(),
  data: z.string().optional(),
  parsed: z.unknown().optional(),
});
const TokenBalance = z.object({ accountIndex: z.number(), mint: z.string(), owner: z.string().optional(), uiTokenAmount: z.object({ amount: z.string(), decimals: z.number() }) });

/** getTransaction (json or jsonParsed encoding) as far as the diagnosis reads it. */
export const SolTransaction = z.object({
  slot: z.number(),
  blockTime: z.number().nullish(),
  meta: z.object({
    err: z.unknown().nullable(),
    fee: z.number(),
    logMessages: z.array(z.string()).nullish(),
    preBalances: z.array(z.number()),
    postBalances: z.array(z.number()),
    preTokenBalances: z.array(TokenBalance).nullish(),
    postTokenBalances: z.array(TokenBalance).nullish(),
    innerInstructions: z.array(z.object({ index: z.number(), instructions: z.array(Instruction) })).nullish(),
    computeUnitsConsumed: z.number().optional(),
  }),
  transaction: z.object({
    message: z.object({ accountKeys: z.array(AccountKey), instructions: z.array(Instruction), recentBlockhash: z.string() }),
    signatures: z.array(z.string()),
  }),
});
export type SolTransaction = z.infer<typeof SolTransaction>;

export const SignatureStatuses = z.object({
  value: z.array(z.object({ slot: z.number(), confirmations: z.number().nullable(), err: z.unknown().nullable(), confirmationStatus: z.string().nullish() }).nullable()),
});

export const RecentFees = z.array(z.object({ slot: z.number(), prioritizationFee: z.number() }));
export const BlockhashValid = z.object({ value: z.boolean() });
export const Balance = z.object({ value: z.number() });
export const TokenAccounts = z.object({
  value: z.array(z.object({ pubkey: z.string(), account: z.object({ data: z.object({ parsed: z.object({ info: z.object({ mint: z.string(), tokenAmount: z.object({ amount: z.string(), decimals: z.number(), uiAmountString: z.string().optional() }) }) }) }) }) })),
});

export const keyOf = (k: z.infer<typeof AccountKey>): string => (typeof k === 'string' ? k : k.pubkey);
