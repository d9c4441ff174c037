import type { RedactionKind } from './types.ts';

export interface KindSpan {
  kind: RedactionKind;
  start: number;
  end: number;
}

const sep = String.raw`["']?\s*(?:is|es|é|est|ist|è|was|era)?(?:\s*[:=#-])*\s*`;
const cvvPattern = new RegExp(String.raw`(?:\bcvv2?|\bcvc2?|\bcid\b|security\s+code|c[óo]digo\s+de\s+seguridad|c[óo]digo\s+de\s+seguran[çc]a|c[óo]digo\s+cvv|card\s+code)${sep}["'(]?(\d{3,4})(?!\d)`, 'giu');
const pinPattern = new RegExp(String.raw`(?:\bpin(?:\s*code)?\b|\bc[óo]digo\s+pin|\bnip\b|senha\s+do\s+cart[ãa]o|clave\s+de\s+la\s+tarjeta|passcode|c[óo]digo\s+de\s+acceso|c[óo]digo\s+de\s+acesso)${sep}["'(]?(\d{4,8})(?!\d)`, 'giu');
const passwordPattern = new RegExp(
  String.raw`(?:\bpassword|\bpasswd|\bpwd\b|\bpass\b|contrase[ñn]a|\bsenha|mot\s+de\s+passe|passwort|\bclave\b|пароль|密码|密碼|パスワード|비밀번호)["']?(?:\s+(?:is|es|é|era|was|est|ist))?((?:\s*[:=])+)?\s*(?:["'“‘]([^"'”’\n:=,][^"'”’\n]{0,63})["'”’]|([^\s"',;:]\S{0,255}))`,
  'giu',
);
const commonWords = new Set(
  'is was not wrong incorrect incorrecta incorrecto errada errado invalid inválida invalida expired reset changed the my and or for to of a an it in on when after before but that this which because forgot olvidé esqueci please help again not working no funciona não funciona does doesn correct correcta correta same mesma misma new nueva nova old antigua antiga field required manager'.split(' '),
);

// Cheap substring checks so the labelled patterns run only on texts that mention a label.
const cvvHint = /cvv|cvc|cid|security code|c[óo]digo|card code/;
const pinHint = /pin|nip|senha|clave|passcode|c[óo]digo/;
const passwordHint = /pass|pwd|contrase|senha|clave|пароль|密|パスワード|비밀번호/;
const keyHint = /key|secret|token/;
const unitAfter = /^\s*(?:characters|chars|letters|digits|symbols|caracteres|d[íi]gitos|letras|s[íi]mbolos|long|de largo)\b/i;

// Common token shapes, one alternation so a text is scanned once.
const apiKeyShapes = new RegExp(
  [
    String.raw`(?<![A-Za-z0-9_-])sk-(?:proj-|ant-|live-|test-)?[A-Za-z0-9_-]{20,}`,
    String.raw`(?<![A-Za-z0-9_])[sr]k_(?:live|test)_[A-Za-z0-9]{16,}`,
    String.raw`(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Z])`,
    String.raw`(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{30,}`,
    String.raw`(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{40,}`,
    String.raw`(?<![A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}`,
    String.raw`(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}`,
    String.raw`(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}`,
    String.raw`(?<![A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}`,
    String.raw`(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}`,
  ].join('|'),
  'g',
);
const bearer = /\bbearer[\s:=]+([A-Za-z0-9._~+/=-]{16,})/gi;
const labelledKey = /(?:api[\s_-]?key|apikey|api[\s_-]?secret|secret[\s_-]?key|access[\s_-]?token|auth[\s_-]?token|client[\s_-]?secret|x-api-key)["']?(?:\s*[:=])+\s*["']?([A-Za-z0-9._~+/-]{16,})/gi;
const rpcKeyInUrl = /https?:\/\/[a-z0-9.-]*(?:infura\.io\/v3|alchemy\.com\/v2|quiknode\.pro|ankr\.com\/[a-z_]+|blastapi\.io|getblock\.io\/[a-z0-9]+|chainstack\.com|drpc\.org\/[a-z]+)\/([A-Za-z0-9_-]{16,})/gi;

/** Labelled CVV, PIN and password values, and API tokens of common shapes. */
export function findCredentials(text: string, tokenShapes = true): KindSpan[] {
  const spans: KindSpan[] = [];
  const group = (kind: RedactionKind, m: RegExpExecArray | RegExpMatchArray, g: number) => {
    const value = m[g];
    if (value === undefined) return;
    const start = m.index! + m[0].lastIndexOf(value);
    spans.push({ kind, start, end: start + value.length });
  };
  const lower = text.toLowerCase();
  if (cvvHint.test(lower)) for (const m of text.matchAll(cvvPattern)) group('card_cvv', m, 1);
  if (pinHint.test(lower)) for (const m of text.matchAll(pinPattern)) group('pin', m, 1);
  if (passwordHint.test(lower)) for (const m of text.matchAll(passwordPattern)) {
    const quoted = m[2];
    const bare = m[3];
    if (quoted !== undefined) {
      group('password', m, 2);
      continue;
    }
    if (bare === undefined) continue;
    const value = bare.replace(/[.,;)]+$/, '');
    if (!value || commonWords.has(value.toLowerCase())) continue;
    // "my password is 12 characters long" describes a password, it is not one
    if (/^\d{1,3}$/.test(value) || unitAfter.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
    // without a ":" or "=", only a value that looks like a password (digits, symbols, mixed case)
    if (m[1] === undefined && !/[\d!@#$%^&*_+=~]|[a-z][A-Z]/.test(value)) continue;
    const start = m.index + m[0].lastIndexOf(bare);
    spans.push({ kind: 'password', start, end: start + value.length });
  }
  if (tokenShapes) for (const m of text.matchAll(apiKeyShapes)) spans.push({ kind: 'api_key', start: m.index, end: m.index + m[0].length });
  if (lower.includes('bearer')) for (const m of text.matchAll(bearer)) group('api_key', m, 1);
  if (keyHint.test(lower)) for (const m of text.matchAll(labelledKey)) group('api_key', m, 1);
  if (lower.includes('://')) for (const m of text.matchAll(rpcKeyInUrl)) group('api_key', m, 1);
  return spans;
}
