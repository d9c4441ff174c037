export { createSolanaAdapter, solanaAdapterFactory, type SolanaAdapterOptions } from './adapter.ts';
export { decodeSolanaRaw, type DecodedSolanaTx } from './decode-raw.ts';
