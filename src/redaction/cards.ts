import type { Span } from './keys.ts';

const candidate = /(?<![0-9A-Za-z.,/_-])\d(?:[ -]?\d){12,18}(?![0-9A-Za-z]|[.,]\d)/g;
const cardLabel = /card|tarjeta|cart[ãa]o|carte|karte|carta|karta|visa|master|amex|\bpan\b/gu;
const otherLabel = /order|ticket|\bid\b|ref|reference|case|block|nonce|phone|tel\b|whatsapp|pedido|orden|protocolo|invoice|factura|fatura|account\s*(?:no|number)|iban|cuenta|conta|timestamp|\btx\b|hash|height|payment\s*id|transaction|transacci[oó]n|transa[çc][ãa]o/gu;

/** Luhn-valid payment card numbers (13–19 digits, spaces or dashes allowed) with a real card prefix. */
export function findCardNumbers(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(candidate)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (!hasCardPrefix(digits) || !luhnValid(digits)) continue;
    if (!groupingLooksLikeCard(m[0])) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index).toLowerCase();
    if (lastEnd(otherLabel, before) > lastEnd(cardLabel, before)) continue;
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

function hasCardPrefix(d: string): boolean {
  const n = d.length;
  const p2 = Number(d.slice(0, 2));
  const p4 = Number(d.slice(0, 4));
  const p3 = Number(d.slice(0, 3));
  if (d[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) return n >= 16; // Discover
  if (p2 === 62 || p2 === 81) return n >= 16; // UnionPay
  if (p4 >= 3528 && p4 <= 3589) return n >= 16; // JCB
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305)) return n >= 14 && n <= 19; // Diners
  if (p2 === 50 || (p2 >= 56 && p2 <= 58) || p2 === 63 || p2 === 67) return n >= 13; // Maestro
  if (p4 >= 2200 && p4 <= 2204) return n >= 16; // Mir
  return false;
}

// Cards are written as one run or in groups of 4 (Amex 4-6-5); "1 234 567" style groups are amounts.
function groupingLooksLikeCard(raw: string): boolean {
  const groups = raw.split(/[ -]/);
  if (groups.length === 1) return true;
  return groups.every((g) => g.length >= 4 || groups.length <= 2) || groups.slice(0, -1).every((g) => g.length === 4);
}

function lastEnd(pattern: RegExp, s: string): number {
  let last = -1;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(s); m; m = pattern.exec(s)) last = m.index + m[0].length;
  return last;
}
