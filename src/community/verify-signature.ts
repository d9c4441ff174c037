import { createHmac, timingSafeEqual } from 'node:crypto';
import { CommunitySignatureInvalidError } from './errors.ts';

/** Checks `x-opsdesk-signature: sha256=<hex>` (HMAC-SHA256 of the raw body with community.webhookSecret). */
export function verifyCommunitySignature(rawBody: string, header: string | undefined, secret: string | undefined): void {
  if (!secret) throw new CommunitySignatureInvalidError('no community.webhookSecret is configured');
  if (!header) throw new CommunitySignatureInvalidError('the x-opsdesk-signature header is missing');
  const given = header.trim().replace(/^sha256=/i, '');
  if (!/^[0-9a-f]{64}$/i.test(given)) throw new CommunitySignatureInvalidError('the signature is not sha256=<64 hex digits>');
  const want = createHmac('sha256', secret).update(rawBody).digest();
  if (!timingSafeEqual(want, Buffer.from(given, 'hex'))) throw new CommunitySignatureInvalidError('it does not match the body');
}
