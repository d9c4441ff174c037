import type { z } from 'zod';
import { PaymentEventInvalidError } from '../errors.ts';

const zeroDecimal = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);

/** Minor units (Stripe amounts) to a decimal string in major units. */
export function fromMinor(amount: number, currency: string): string {
  const abs = Math.abs(Math.round(amount));
  const digits = zeroDecimal.has(currency.toUpperCase()) ? 0 : 2;
  if (!digits) return String(abs);
  const s = String(abs).padStart(digits + 1, '0');
  return `${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** A number or numeric string as a plain decimal string (no exponent). */
export function decimal(v: number | string): string {
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(n)) return '0';
  return String(Math.abs(n) < 1e-6 && n !== 0 ? n.toFixed(12) : n).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** Base units to a decimal string. */
export function fromBaseUnits(amount: string, decimals: number): string {
  const v = BigInt(amount);
  const base = 10n ** BigInt(decimals);
  const frac = (v % base).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${v / base}${frac ? '.' + frac : ''}`;
}

export function toIso(v: number | string | undefined): string {
  if (v === undefined) return new Date(0).toISOString();
  const d = typeof v === 'number' ? new Date(v < 1e12 ? v * 1000 : v) : new Date(v);
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
}

export function parseShape<T extends z.ZodType>(schema: T, body: unknown, provider: string): z.output<T> {
  const r = schema.safeParse(body);
  if (!r.success) throw new PaymentEventInvalidError(provider, r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  return r.data;
}

/** ISO 8583 code for a processor's decline reason text or code (Stripe reasons, Marqeta memos). */
export function reasonToIso(reason: string | undefined): string | undefined {
  if (!reason) return undefined;
  const r = reason.toLowerCase();
  const table: Array<[RegExp, string]> = [
    [/insufficient.?funds|not sufficient funds/, '51'],
    [/expired/, '54'],
    [/cvv|cvc|security code/, 'N7'],
    [/pin.?(blocked|tries|attempts)/, '75'],
    [/incorrect.?pin|invalid.?pin|wrong.?pin/, '55'],
    [/suspected.?fraud|fraud/, '59'],
    [/spending.?controls|limit/, '61'],
    [/cardholder_verification_required|authentication required/, '1A'],
    [/lost|stolen|card_canceled|account_disabled|card_inactive|cardholder_inactive|cardholder_blocked|suspended|terminated/, '62'],
    [/not_allowed|not permitted|insecure_authorization_method|merchant.?category/, '57'],
    [/webhook_timeout|timeout|unavailable/, '91'],
    [/webhook_error|system/, '96'],
    [/invalid.?card|card not found/, '14'],
  ];
  return table.find(([re]) => re.test(r))?.[1];
}
