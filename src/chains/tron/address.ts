import { address as btcAddress } from 'bitcoinjs-lib';

/** Tron base58check address (version 0x41) of 20 bytes given as hex (with or without the 41 prefix). */
export function tronAddressFromHex(hex: string): string {
  const clean = hex.replace(/^0x/i, '').toLowerCase();
  const body = clean.length === 42 && clean.startsWith('41') ? clean.slice(2) : clean.slice(-40);
  return btcAddress.toBase58Check(Buffer.from(body, 'hex'), 0x41);
}

/** The 20-byte body (hex, no prefix) of a Tron base58 address, or undefined when it is not one. */
export function tronAddressBody(addr: string): string | undefined {
  try {
    const { version, hash } = btcAddress.fromBase58Check(addr);
    return version === 0x41 && hash.length === 20 ? Buffer.from(hash).toString('hex') : undefined;
  } catch {
    return undefined;
  }
}

/** Known TRC-20 tokens (contract → symbol, decimals), from the issuers' published contract addresses. */
export const knownTrc20: Readonly<Record<string, { symbol: string; decimals: number }>> = {
  TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t: { symbol: 'USDT', decimals: 6 },
  TEkxiTehnzSmSe2XqrBj4w32RUN966rdz8: { symbol: 'USDC', decimals: 6 },
};
