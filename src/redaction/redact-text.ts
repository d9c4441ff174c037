import { findCardNumbers } from './cards.ts';
import { findCredentials, type KindSpan } from './credentials.ts';
import { findPrivateKeys } from './keys.ts';
import { mayHoldCardNumber, mayHoldPrivateKey, mayHoldSeedPhrase, mayHoldTokenShape, shapeOf } from './prefilter.ts';
import { findSeedPhrases } from './seed-phrase.ts';
import { redactionKinds, redactionMarker, type Redaction, type RedactionKind, type RedactionResult, type RedactOptions } from './types.ts';

const rank: Record<RedactionKind, number> = { seed_phrase: 0, private_key: 1, card_number: 2, api_key: 3, password: 4, card_cvv: 5, pin: 6 };
const allKinds: ReadonlySet<RedactionKind> = new Set(redactionKinds);
const secretKinds = new Set<RedactionKind>(['seed_phrase', 'private_key', 'card_number']);

/** Finds secrets in `text` and returns it with each one replaced by `[REDACTED:<kind>]`. */
export function redactText(text: string, options: RedactOptions = {}): RedactionResult {
  const wanted = options.kinds ? new Set<RedactionKind>(options.kinds) : allKinds;
  const found: KindSpan[] = [];
  const shape = shapeOf(text);
  if (wanted.has('seed_phrase') && mayHoldSeedPhrase(shape)) for (const s of findSeedPhrases(text)) found.push({ kind: 'seed_phrase', ...s });
  if (wanted.has('private_key') && mayHoldPrivateKey(shape)) for (const s of findPrivateKeys(text)) found.push({ kind: 'private_key', ...s });
  if (wanted.has('card_number') && mayHoldCardNumber(shape)) for (const s of findCardNumbers(text)) found.push({ kind: 'card_number', ...s });
  if (wanted.has('api_key') || wanted.has('password') || wanted.has('card_cvv') || wanted.has('pin')) {
    for (const s of findCredentials(text, mayHoldTokenShape(shape))) if (wanted.has(s.kind)) found.push(s);
  }
  if (!found.length) return { text, redactions: [], securityFlags: [] };
  const redactions = merge(found);
  let out = '';
  let at = 0;
  for (const r of redactions) {
    out += text.slice(at, r.start) + redactionMarker(r.kind);
    at = r.end;
  }
  out += text.slice(at);
  const flags = new Set<string>();
  for (const r of redactions) flags.add(secretKinds.has(r.kind) ? 'secret_exposed' : 'credential_exposed');
  return { text: out, redactions, securityFlags: [...flags].sort() };
}

/** The redacted text alone: the fast path for log lines and stored fields. */
export function scrubText(text: string): string {
  return redactText(text).text;
}

// Overlapping findings become one span (nothing of either stays visible) of the more serious kind.
function merge(found: KindSpan[]): Redaction[] {
  found.sort((a, b) => a.start - b.start || rank[a.kind] - rank[b.kind]);
  const out: Redaction[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      last.end = Math.max(last.end, f.end);
      if (rank[f.kind] < rank[last.kind]) last.kind = f.kind;
    } else {
      out.push({ kind: f.kind, start: f.start, end: f.end });
    }
  }
  return out;
}
