import { address as btcAddress, networks, payments, type Network } from 'bitcoinjs-lib';

/** bitcoinjs-lib parameters per chain slug (address prefixes differ; fees and dust rules too). */
export const bitcoinNetworks: Readonly<Record<string, Network>> = {
  bitcoin: networks.bitcoin,
  // Litecoin Core chainparams.cpp: base58 PUBKEY 48 (L…), SCRIPT 50 (M…), bech32 "ltc".
  litecoin: { messagePrefix: '\x19Litecoin Signed Message:\n', bech32: 'ltc', bip32: { public: 0x0488b21e, private: 0x0488ade4 }, pubKeyHash: 0x30, scriptHash: 0x32, wif: 0xb0 },
  // Dogecoin Core chainparams.cpp: PUBKEY 30 (D…), SCRIPT 22 (9/A…); Dogecoin has no segwit, the bech32 field is unused.
  dogecoin: { messagePrefix: '\x19Dogecoin Signed Message:\n', bech32: 'doge', bip32: { public: 0x02facafd, private: 0x02fac398 }, pubKeyHash: 0x1e, scriptHash: 0x16, wif: 0x9e },
  'bitcoin-testnet': networks.testnet,
};

export function networkOf(slug: string): Network {
  return bitcoinNetworks[slug] ?? networks.bitcoin;
}

export type OutputType = 'p2pkh' | 'p2sh' | 'p2wpkh' | 'p2wsh' | 'p2tr' | 'op_return' | 'other';

/** The output script type, from the script bytes. */
export function outputType(script: Uint8Array): OutputType {
  const s = script;
  if (s.length === 25 && s[0] === 0x76 && s[1] === 0xa9 && s[2] === 0x14 && s[23] === 0x88 && s[24] === 0xac) return 'p2pkh';
  if (s.length === 23 && s[0] === 0xa9 && s[1] === 0x14 && s[22] === 0x87) return 'p2sh';
  if (s.length === 22 && s[0] === 0x00 && s[1] === 0x14) return 'p2wpkh';
  if (s.length === 34 && s[0] === 0x00 && s[1] === 0x20) return 'p2wsh';
  if (s.length === 34 && s[0] === 0x51 && s[1] === 0x20) return 'p2tr';
  if (s[0] === 0x6a) return 'op_return';
  return 'other';
}

/** The address of an output script on `network`, when it has one. */
export function scriptAddress(script: Uint8Array, network: Network): string | undefined {
  try {
    return btcAddress.fromOutputScript(script, network);
  } catch {
    return undefined;
  }
}

/** The output script of an address, or undefined when it is not an address of this network. */
export function addressScript(addr: string, network: Network): Uint8Array | undefined {
  try {
    return btcAddress.toOutputScript(addr, network);
  } catch {
    return undefined;
  }
}

/** The 20-byte key hash behind P2PKH and P2WPKH (and the P2SH-P2WPKH it cannot see), hex; used to spot the same key under another address type. */
export function keyHashOf(script: Uint8Array): string | undefined {
  const t = outputType(script);
  if (t === 'p2pkh') return Buffer.from(script.subarray(3, 23)).toString('hex');
  if (t === 'p2wpkh') return Buffer.from(script.subarray(2, 22)).toString('hex');
  return undefined;
}

/** The other standard addresses of the same key hash (P2PKH ⇄ P2WPKH ⇄ P2SH-P2WPKH). */
export function sameKeyAddresses(keyHashHex: string, network: Network): string[] {
  const hash = Buffer.from(keyHashHex, 'hex');
  const out: string[] = [];
  const p2pkh = payments.p2pkh({ hash, network }).address;
  if (p2pkh) out.push(p2pkh);
  try {
    const p2wpkh = payments.p2wpkh({ hash, network });
    if (p2wpkh.address) out.push(p2wpkh.address);
    const nested = payments.p2sh({ redeem: p2wpkh, network }).address;
    if (nested) out.push(nested);
  } catch {
    // networks without segwit (Dogecoin) only have the legacy form
  }
  return out;
}

/** Relay dust limits in base units: Bitcoin Core's GetDustThreshold at 3 sat/vB; Dogecoin's soft dust limit is 0.01 DOGE. */
export function dustLimit(slug: string, type: OutputType): bigint {
  if (slug === 'dogecoin') return 1_000_000n;
  switch (type) {
    case 'p2pkh':
      return 546n;
    case 'p2sh':
      return 540n;
    case 'p2wpkh':
      return 294n;
    case 'p2wsh':
    case 'p2tr':
      return 330n;
    default:
      return 0n;
  }
}

/** Virtual size of a one-input, one-output child spending an output of this type (for CPFP estimates). */
export function childVsize(type: OutputType | undefined): number {
  switch (type) {
    case 'p2pkh':
      return 192;
    case 'p2sh':
      return 134;
    case 'p2tr':
      return 111;
    default:
      return 110;
  }
}
