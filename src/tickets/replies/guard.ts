import { outboundRisks, redactText } from '../../redaction/index.ts';
import { ReplyUnsafeError } from './errors.ts';

/** Why a text must not go to a user (empty when it may): a secret in it, a request for one, a wallet "verification", or a link to a host not allowed. */
export function unsafeReplyReasons(text: string, allowedHosts: readonly string[]): string[] {
  const reasons = new Set<string>();
  const red = redactText(text);
  if (red.redactions.length) reasons.add(`contains a secret (${[...new Set(red.redactions.map((r) => r.kind))].join(', ')})`);
  for (const risk of outboundRisks(text, allowedHosts)) reasons.add(risk);
  return [...reasons];
}

/** Throws `ReplyUnsafeError` unless every text is safe to send to a user. */
export function assertSafeReply(texts: readonly string[], allowedHosts: readonly string[]): void {
  const reasons = [...new Set(texts.flatMap((t) => unsafeReplyReasons(t, allowedHosts)))];
  if (reasons.length) throw new ReplyUnsafeError(reasons);
}
