/**
 * What one pass over a text proves cannot be in it, so `redactText` skips the detectors that could
 * not find anything. Every bound is a necessary condition of the detector it gates (see each one).
 */
export interface TextShape {
  /** Only ASCII characters (the word count below is exact only then). */
  ascii: boolean;
  /** Runs of ASCII letters: a seed phrase needs 12+ word tokens. */
  words: number;
  /** Longest run of [0-9A-Za-z]: hex/WIF/xprv/base58 keys need 25+. */
  longestAlnum: number;
  /** Longest run of [0-9A-Za-z_-]: every API-token shape has 10+ of these in a row. */
  longestToken: number;
  /** Digits anywhere: a card number has 13+. */
  digits: number;
  /** A "[" (Solana byte-array keys). */
  bracket: boolean;
}

/** Measures the shape of `text` in one scan, without allocating. */
export function shapeOf(text: string): TextShape {
  let ascii = true;
  let words = 0;
  let longestAlnum = 0;
  let longestToken = 0;
  let digits = 0;
  let bracket = false;
  let alnum = 0;
  let token = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isLetter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    const isDigit = c >= 48 && c <= 57;
    if (isLetter) {
      if (!inWord) words++;
      inWord = true;
    } else inWord = false;
    if (isLetter || isDigit) {
      if (isDigit) digits++;
      if (++alnum > longestAlnum) longestAlnum = alnum;
      if (++token > longestToken) longestToken = token;
      continue;
    }
    alnum = 0;
    if (c === 95 || c === 45) {
      if (++token > longestToken) longestToken = token;
      continue;
    }
    token = 0;
    if (c === 91) bracket = true;
    else if (c >= 128) ascii = false;
  }
  return { ascii, words, longestAlnum, longestToken, digits, bracket };
}

/** False when no seed phrase can be in the text: ASCII text with fewer than 12 letter runs. */
export function mayHoldSeedPhrase(s: TextShape): boolean {
  return !s.ascii || s.words >= 12;
}

/** False when no private key can be in the text: no 25-character alphanumeric run and no byte array. */
export function mayHoldPrivateKey(s: TextShape): boolean {
  return s.longestAlnum >= 25 || s.bracket;
}

/** False when no card number can be in the text: fewer than 13 ASCII digits. */
export function mayHoldCardNumber(s: TextShape): boolean {
  return s.digits >= 13;
}

/** False when no API-token shape (`sk-…`, `AKIA…`, JWT…) can be in the text: no 10-character token run. */
export function mayHoldTokenShape(s: TextShape): boolean {
  return s.longestToken >= 10;
}

// Every word the labelled detectors (CVV, PIN, password, labelled API keys, Bearer, RPC URLs) need, as
// `findCredentials` tests it on lowercased text; on ASCII text the `i` flag is the same test.
const credentialHint = /cvv|cvc|cid|security code|c[óo]digo|card code|pin|nip|senha|clave|passcode|pass|pwd|contrase|key|secret|token|bearer|:\/\//i;

/**
 * False only when `redactText(text)` is sure to find nothing: ASCII text with no credential label,
 * fewer than 12 words, no 25-character alphanumeric or 10-character token run, no "[" and fewer
 * than 13 digits. Most log and attribute values are proved clean by this one scan.
 */
export function mayHoldSecret(text: string): boolean {
  const s = shapeOf(text);
  if (!s.ascii || mayHoldSeedPhrase(s) || mayHoldPrivateKey(s) || mayHoldCardNumber(s) || mayHoldTokenShape(s)) return true;
  return credentialHint.test(text);
}

/**
 * The longest value that `mayHoldSecret(label + value)` is sure to pass when the value is ASCII and
 * has no "[" and no credential word: shorter than every run and count bound, the label's own words
 * and digits counted (a value of c characters has at most ⌈c/2⌉ letter runs). 0 when the label alone may hold a secret.
 */
export function cleanValueChars(label: string): number {
  if (label && mayHoldSecret(label)) return 0;
  const s = shapeOf(label);
  return Math.max(0, Math.min(9, 12 - s.digits, 2 * (11 - s.words)));
}
