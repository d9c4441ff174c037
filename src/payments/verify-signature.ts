import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookSignatureInvalidError } from './errors.ts';

export interface SignatureInput {
  provider: string;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
  rawBody: string;
  secret: string;
  nowSec: number;
  toleranceSec?: number;
}

const hmac = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('hex');
function same(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/**
 * Verifies a webhook HMAC-SHA256 signature: Stripe style (`stripe-signature: t=…,v1=…` over "t.body"),
 * MoonPay style (`moonpay-signature-v2: t=…,s=…` over "t.body"), or the generic
 * `x-opsdesk-signature: sha256=<hex>` over the raw body (for processors that sign otherwise, via a relay).
 */
export function verifyWebhookSignature(input: SignatureInput): void {
  const { provider, headers, rawBody, secret, nowSec } = input;
  const tolerance = input.toleranceSec ?? 300;
  const timed = headers['stripe-signature'] ?? headers['moonpay-signature-v2'];
  if (timed) {
    const parts = new Map<string, string[]>();
    for (const kv of timed.split(',')) {
      const [k, v] = kv.split('=', 2);
      if (k && v) parts.set(k.trim(), [...(parts.get(k.trim()) ?? []), v.trim()]);
    }
    const t = parts.get('t')?.[0];
    const sigs = [...(parts.get('v1') ?? []), ...(parts.get('s') ?? [])];
    if (!t || !sigs.length) throw new WebhookSignatureInvalidError(provider, 'the signature header has no timestamp or signature');
    if (Math.abs(nowSec - Number(t)) > tolerance) throw new WebhookSignatureInvalidError(provider, `the timestamp is more than ${tolerance} s away (replay protection)`);
    const expected = hmac(secret, `${t}.${rawBody}`);
    if (!sigs.some((s) => same(s, expected))) throw new WebhookSignatureInvalidError(provider, 'no signature matches');
    return;
  }
  const generic = headers['x-opsdesk-signature'];
  if (!generic) throw new WebhookSignatureInvalidError(provider, 'no signature header (stripe-signature, moonpay-signature-v2 or x-opsdesk-signature)');
  const sig = generic.replace(/^sha256=/, '');
  if (!same(sig, hmac(secret, rawBody))) throw new WebhookSignatureInvalidError(provider, 'the signature does not match');
}
