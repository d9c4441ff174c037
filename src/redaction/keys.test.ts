import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { base58, base58check } from '../../bench/redaction-corpus-gen.ts';
import { redactText } from './index.ts';

const hex = '8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f';
const bytes = (n: number, seed: number) => createHash('sha512').update(String(seed)).digest().subarray(0, n);
const kinds = (t: string) => redactText(t).redactions.map((r) => r.kind);

function solanaKeypair(): Uint8Array {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  return Buffer.concat([Buffer.from(jwk.d!, 'base64url'), Buffer.from(jwk.x!, 'base64url')]);
}

test('redacts a labelled hex private key', () => {
  assert.equal(redactText(`private key: 0x${hex}`).text, 'private key: [REDACTED:private_key]');
});

test('behavior: labels in many languages make a 64-hex a key', () => {
  for (const label of ['pk:', 'privkey=', 'my private key is', 'secret', 'clave privada:', 'mi clave privada es', 'chave privada', 'minha chave privada é', 'clé privée :', 'chiave privata', 'privater Schlüssel', 'приватный ключ', '私钥', '秘密鍵', 'exported key', 'Private Key\n']) {
    assert.deepEqual(kinds(`${label} ${hex}`), ['private_key'], label);
  }
});

test('behavior: 64-hex transaction hashes stay visible', () => {
  for (const text of [
    `tx 0x${hex}`,
    `txid: ${hex}`,
    `hash ${hex}`,
    `Transaction hash 0x${hex}`,
    `hash de la transacción ${hex}`,
    `hash da transação: ${hex}`,
    `https://etherscan.io/tx/0x${hex}`,
    `https://mempool.space/tx/${hex}`,
    `block hash ${hex}`,
    hex,
    `I never shared my private key. Tx hash: 0x${hex}`,
    `I never shared my secret phrase with anyone, they took everything 0x${hex}`,
    `public key: 02${hex}`,
  ]) {
    assert.deepEqual(kinds(text), [], text);
  }
});

test('behavior: WIF keys with a valid checksum, not look-alikes', () => {
  const wif = base58check(Buffer.concat([Buffer.from([0x80]), bytes(32, 1)]));
  const wifc = base58check(Buffer.concat([Buffer.from([0x80]), bytes(32, 2), Buffer.from([1])]));
  assert.deepEqual(kinds(`paper wallet ${wif}`), ['private_key']);
  assert.deepEqual(kinds(`imported ${wifc}`), ['private_key']);
  const broken = wifc.slice(0, -1) + (wifc.endsWith('a') ? 'b' : 'a');
  assert.deepEqual(kinds(`imported ${broken}`), []);
});

test('behavior: extended private keys are redacted, extended public keys are not', () => {
  const body = Buffer.concat([Buffer.from([0]), bytes(4, 3), bytes(4, 4), bytes(32, 5), Buffer.from([0]), bytes(32, 6)]);
  for (const [prefix, version] of [['xprv', '0488ade4'], ['yprv', '049d7878'], ['zprv', '04b2430c'], ['tprv', '04358394']] as const) {
    const key = base58check(Buffer.concat([Buffer.from(version, 'hex'), body]));
    assert.ok(key.startsWith(prefix));
    assert.equal(redactText(`electrum: ${key}`).text, 'electrum: [REDACTED:private_key]');
  }
  const xpub = base58check(Buffer.concat([Buffer.from('0488b21e', 'hex'), Buffer.from([0]), bytes(8, 7), bytes(32, 8), Buffer.from([2]), bytes(32, 9)]));
  assert.ok(xpub.startsWith('xpub'));
  assert.deepEqual(kinds(`my xpub ${xpub}`), []);
});

test('behavior: Solana keypairs as base58 or byte arrays, signatures stay', () => {
  const pair = solanaKeypair();
  assert.equal(redactText(`phantom export ${base58(pair)}`).text, 'phantom export [REDACTED:private_key]');
  assert.equal(redactText(`id.json: [${[...pair].join(',')}]`).text, 'id.json: [REDACTED:private_key]');
  assert.deepEqual(kinds(`[\n  ${[...pair].join(',\n  ')}\n]`), ['private_key']);
  const sig = Uint8Array.from(bytes(64, 10));
  sig[63] = sig[63]! & 0x0f;
  assert.deepEqual(kinds(`signature ${base58(sig)}`), []);
  assert.deepEqual(kinds(base58(sig)), []);
  assert.deepEqual(kinds(`https://solscan.io/tx/${base58(sig)}`), []);
  assert.deepEqual(kinds(`[${[...pair].slice(0, 63).join(',')}]`), []);
});
