export { redactText, scrubText } from './redact-text.ts';
export { decodeText } from './decode-text.ts';
export { cleanValueChars, mayHoldSecret } from './prefilter.ts';
export { outboundRisks } from './outbound-risks.ts';
export { TextInputInvalidError } from './errors.ts';
export { redactionKinds, redactionMarker, type RedactionKind, type Redaction, type RedactionResult, type RedactOptions } from './types.ts';
