/** Well-known Solana program ids and their custom error codes (from each program's published source/IDL). */
export const programs = {
  system: '11111111111111111111111111111111',
  token: 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA',
  token2022: 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb',
  ata: 'ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL',
  computeBudget: 'ComputeBudget111111111111111111111111111111',
  jupiterV6: 'JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4',
  raydiumAmmV4: '675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8',
} as const;

export const programNames: Readonly<Record<string, string>> = {
  [programs.system]: 'System Program',
  [programs.token]: 'SPL Token',
  [programs.token2022]: 'SPL Token-2022',
  [programs.ata]: 'Associated Token Account',
  [programs.computeBudget]: 'Compute Budget',
  [programs.jupiterV6]: 'Jupiter Aggregator v6',
  [programs.raydiumAmmV4]: 'Raydium AMM v4',
};

/** solana-program SystemError, in declaration order. */
const systemErrors = ['AccountAlreadyInUse', 'ResultWithNegativeLamports', 'InvalidProgramId', 'InvalidAccountDataLength', 'MaxSeedLengthExceeded', 'AddressWithSeedMismatch', 'NonceNoRecentBlockhashes', 'NonceBlockhashNotExpired', 'NonceUnexpectedBlockhashValue'];

/** spl-token TokenError (shared by Token-2022 for these codes), in declaration order. */
const tokenErrors = [
  'NotRentExempt', 'InsufficientFunds', 'InvalidMint', 'MintMismatch', 'OwnerMismatch', 'FixedSupply', 'AlreadyInUse', 'InvalidNumberOfProvidedSigners',
  'InvalidNumberOfRequiredSigners', 'UninitializedState', 'NativeNotSupported', 'NonNativeHasBalance', 'InvalidInstruction', 'InvalidState', 'Overflow',
  'AuthorityTypeNotSupported', 'MintCannotFreeze', 'AccountFrozen', 'MintDecimalsMismatch', 'NonNativeNotSupported',
];

/** Jupiter v6 program errors (Anchor, starting at 6000), from its published IDL. */
const jupiterErrors = ['EmptyRoute', 'SlippageToleranceExceeded', 'InvalidCalculation', 'MissingPlatformFeeAccount', 'InvalidSlippage', 'NotEnoughPercent', 'InvalidInputIndex', 'InvalidOutputIndex', 'NotEnoughAccountKeys', 'NonZeroMinimumOutAmountNotSupported', 'InvalidRoutePlan', 'InvalidReferralAuthority', 'LedgerTokenAccountDoesNotMatch', 'InvalidTokenLedger', 'IncorrectTokenProgramID', 'TokenProgramNotProvided', 'SwapNotSupported', 'ExactOutAmountNotMatched', 'SourceAndDestinationMintCannotBeTheSame'];

/** Anchor framework errors any Anchor program can return (anchor-lang ErrorCode). */
const anchorErrors: Readonly<Record<number, string>> = {
  100: 'InstructionMissing', 101: 'InstructionFallbackNotFound', 102: 'InstructionDidNotDeserialize', 2000: 'ConstraintMut', 2001: 'ConstraintHasOne', 2002: 'ConstraintSigner',
  2003: 'ConstraintRaw', 2006: 'ConstraintSeeds', 3001: 'AccountDiscriminatorNotFound', 3002: 'AccountDiscriminatorMismatch', 3003: 'AccountDidNotDeserialize', 3007: 'AccountOwnedByWrongProgram', 3012: 'AccountNotInitialized',
};

export type ErrorKind = 'slippage' | 'insufficient_sol' | 'insufficient_token_balance' | 'recipient_no_token_account' | 'token_error' | 'other';

/** Names a custom error code of a program, and says what kind of user problem it is. */
export function customErrorOf(programId: string, code: number): { name?: string; kind: ErrorKind } {
  if (programId === programs.system) {
    const name = systemErrors[code];
    return { ...(name ? { name } : {}), kind: code === 1 ? 'insufficient_sol' : 'other' };
  }
  if (programId === programs.token || programId === programs.token2022) {
    const name = tokenErrors[code];
    if (code === 1) return { name: 'InsufficientFunds', kind: 'insufficient_token_balance' };
    if (code === 9) return { name: 'UninitializedState', kind: 'recipient_no_token_account' };
    return { ...(name ? { name } : {}), kind: 'token_error' };
  }
  if (programId === programs.ata) return { ...(code === 0 ? { name: 'InvalidOwner' } : {}), kind: 'other' };
  if (programId === programs.jupiterV6) {
    const name = jupiterErrors[code - 6000];
    return { ...(name ? { name } : {}), kind: code === 6001 || code === 6017 ? 'slippage' : 'other' };
  }
  if (programId === programs.raydiumAmmV4 && code === 30) return { name: 'ExceededSlippage', kind: 'slippage' };
  const anchor = anchorErrors[code];
  return { ...(anchor ? { name: `Anchor ${anchor}` } : {}), kind: 'other' };
}
