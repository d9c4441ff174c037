export interface Word {
  raw: string;
  lower: string;
  start: number;
}

const letter = /[\p{L}\p{N}]/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return letter.test(text[i]!);
}

/** Words (letters and digits, inner hyphens, an optional leading "$"), scanned once per text for tokens and chains. */
export function scanWords(text: string): Word[] {
  const words: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i > 0 && text[i - 1] === '$' ? i - 1 : i;
    while (i < n && (isWordChar(text, i) || (text[i] === '-' && i + 1 < n && isWordChar(text, i + 1)))) i++;
    const raw = text.slice(start, i);
    words.push({ raw, lower: raw.toLowerCase(), start });
  }
  return words;
}
