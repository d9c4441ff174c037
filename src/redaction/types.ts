/** What a redaction hid. Contract kinds (CONTRACTS.md §2) first, then extras. */
export const redactionKinds = ['seed_phrase', 'private_key', 'card_number', 'card_cvv', 'password', 'api_key', 'pin'] as const;
export type RedactionKind = (typeof redactionKinds)[number];

/** One hidden span; `start`/`end` are UTF-16 offsets into the original text (end exclusive). */
export interface Redaction {
  kind: RedactionKind;
  start: number;
  end: number;
}

export interface RedactionResult {
  text: string;
  redactions: Redaction[];
  /** `secret_exposed` (seed phrase, private key or card number), `credential_exposed` (password, PIN, CVV, API key). */
  securityFlags: string[];
}

export interface RedactOptions {
  /** Only look for these kinds (default: every kind). */
  kinds?: readonly RedactionKind[];
}

/** The marker that replaces a secret in redacted text. */
export function redactionMarker(kind: RedactionKind): string {
  return `[REDACTED:${kind}]`;
}
