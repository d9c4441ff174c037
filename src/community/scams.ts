import { fold } from './lexicon.ts';

export const scamKinds = ['impersonation', 'phishing_link', 'support_dm_offer', 'wallet_lure'] as const;
export type ScamKind = (typeof scamKinds)[number];

export interface ScamFinding {
  kind: ScamKind;
  /** What a moderator looks for: the display name, the link's host and path, or the phrase. */
  evidence: string;
  reasons: string[];
  score: number;
}

export interface ScamWatchOptions {
  brandNames: readonly string[];
  officialDomains: readonly string[];
}

// Letters that look alike (Cyrillic, Greek, digits, symbols) mapped to the Latin letter they imitate.
const homoglyphs: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', х: 'x', у: 'y', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', к: 'k', м: 'm', н: 'h', т: 't', в: 'b',
  α: 'a', ο: 'o', ρ: 'p', ν: 'v', ι: 'i', κ: 'k', τ: 't', υ: 'u', '0': 'o', '1': 'l', '3': 'e', '5': 's', '@': 'a', $: 's', '|': 'l', '!': 'i',
};

/** Folds a name or domain label to a skeleton: accents off, look-alike letters to Latin, only letters and digits left. */
export function skeleton(text: string): { value: string; homoglyphs: boolean } {
  let changed = false;
  let out = '';
  for (const ch of fold(text)) {
    const h = homoglyphs[ch];
    if (h !== undefined && !/[0-9]/.test(ch)) changed = true;
    const c = h ?? ch;
    if (/[a-z0-9]/.test(c)) out += c;
  }
  return { value: out.replace(/rn/g, 'm').replace(/vv/g, 'w'), homoglyphs: changed };
}

/** Levenshtein distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

const staffWords = ['support', 'admin', 'administrator', 'moderator', 'mod', 'helpdesk', 'helpcenter', 'customercare', 'customerservice', 'official', 'team', 'staff', 'soporte', 'suporte', 'atendimento', 'ayuda', 'ajuda', 'agent', 'agente', 'security', 'seguridad', 'seguranca'];

/** Scores a display name for impersonation: staff titles, the brand or a look-alike of it, look-alike letters. */
export function impersonation(name: string, options: Pick<ScamWatchOptions, 'brandNames'>): ScamFinding | null {
  const sk = skeleton(name);
  if (!sk.value) return null;
  const reasons: string[] = [];
  let score = 0;
  const words = fold(name).split(/[^a-z0-9]+/).filter(Boolean);
  const staff = staffWords.find((w) => words.includes(w) || (w.length >= 5 && sk.value.includes(w)));
  if (staff) {
    reasons.push(`staff title "${staff}"`);
    score += 0.5;
  }
  for (const brand of options.brandNames) {
    const b = skeleton(brand).value;
    if (b.length < 3) continue;
    if (sk.value.includes(b)) {
      reasons.push(`uses the brand "${brand}"`);
      score += 0.4;
      break;
    }
    const core = staff ? sk.value.replace(staff, '') : sk.value;
    if (b.length >= 5 && editDistance(core, b, 2) <= 2) {
      reasons.push(`looks like the brand "${brand}"`);
      score += 0.5;
      break;
    }
  }
  if (sk.homoglyphs && score > 0) {
    reasons.push('look-alike letters');
    score += 0.2;
  }
  return score >= 0.5 ? { kind: 'impersonation', evidence: name.slice(0, 200), reasons, score: Math.min(1, Math.round(score * 100) / 100) } : null;
}

const urlLike = /\b(?:https?:\/\/)?((?:xn--)?[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]{0,61}[a-z0-9\u00a1-\uffff])?(?:\.(?:xn--)?[a-z0-9\u00a1-\uffff-]{1,63})*\.[a-z\u00a1-\uffff]{2,24})(\/[^\s<>"'`)\]]*)?/giu;
const lureWords = ['verify', 'verif', 'validate', 'valid', 'sync', 'synchron', 'rectif', 'restore', 'recover', 'unlock', 'claim', 'airdrop', 'support', 'helpdesk', 'secure', 'dapp', 'connect', 'migrat', 'reward', 'bonus', 'giveaway', 'kyc', 'whitelist'];
const riskyTlds = new Set(['xyz', 'top', 'click', 'site', 'online', 'live', 'info', 'app', 'vip', 'icu', 'buzz', 'shop', 'cc', 'support', 'help']);
const drainerPath = /(?:claim|airdrop|connect[-_]?wallet|walletconnect|sync|validate|rectif|restore|import[-_]?(?:wallet|phrase)|seed|mnemonic|permit|approve|drain)/i;
const knownBenign = new Set(['google.com', 'youtube.com', 'twitter.com', 'x.com', 'reddit.com', 'github.com', 'discord.com', 'discord.gg', 't.me', 'telegram.org', 'apple.com', 'play.google.com', 'etherscan.io', 'solscan.io', 'bscscan.com', 'tronscan.org', 'polygonscan.com', 'mempool.space', 'blockchair.com', 'walletconnect.com']);

const registrable = (host: string): string => host.split('.').slice(-2).join('.');

/** Finds links to look-alikes of the official domains, lure domains and wallet-drainer paths. */
export function phishingLinks(text: string, options: ScamWatchOptions): ScamFinding[] {
  const out: ScamFinding[] = [];
  const officials = options.officialDomains.map((d) => d.toLowerCase().replace(/^www\./, ''));
  const officialLabels = officials.map((d) => skeleton(d.split('.').slice(0, -1).join('')).value).filter((l) => l.length >= 4);
  const brandLabels = options.brandNames.map((b) => skeleton(b).value).filter((l) => l.length >= 4);
  const seen = new Set<string>();
  for (const m of text.matchAll(urlLike)) {
    const host = m[1]!.toLowerCase().replace(/^www\./, '');
    const path = m[2] ?? '';
    const hadScheme = /^https?:\/\//i.test(m[0]);
    if (!hadScheme && !/[a-z]/i.test(host.split('.').at(-1) ?? '')) continue;
    if (seen.has(host + path)) continue;
    seen.add(host + path);
    if (officials.some((d) => host === d || host.endsWith(`.${d}`))) continue;
    if (knownBenign.has(host) || knownBenign.has(registrable(host))) continue;
    const reasons: string[] = [];
    let score = 0;
    const labels = host.split('.');
    const tld = labels.at(-1) ?? '';
    const name = labels.slice(0, -1).join('.');
    const sk = skeleton(name);
    if (host.includes('xn--') || [...host].some((ch) => ch.charCodeAt(0) > 0x7f)) {
      reasons.push('internationalised (punycode) domain');
      score += 0.3;
    }
    for (const label of [...officialLabels, ...brandLabels]) {
      if (sk.value === label) {
        const plain = fold(name).replace(/[^a-z0-9]/g, '') === label;
        reasons.push(plain ? `same name as the official domain on another ending (.${tld})` : `spells "${label}" with look-alike characters`);
        score += 0.6;
      } else if (sk.value.includes(label)) {
        reasons.push(`the brand "${label}" with extra words`);
        score += 0.5;
      } else if (editDistance(sk.value, label, 2) <= 2 || labels.slice(0, -1).some((l) => editDistance(skeleton(l).value, label, 2) <= 2)) {
        reasons.push(`one or two letters away from "${label}"`);
        score += 0.6;
      } else continue;
      if (sk.homoglyphs) {
        reasons.push('look-alike letters');
        score += 0.2;
      }
      break;
    }
    const lure = lureWords.filter((w) => fold(name).includes(w));
    if (lure.length) {
      reasons.push(`lure words in the domain: ${lure.slice(0, 3).join(', ')}`);
      score += lure.length >= 2 ? 0.4 : 0.25;
    }
    if (drainerPath.test(path)) {
      reasons.push('wallet-drainer path');
      score += 0.3;
    }
    if (riskyTlds.has(tld) && score > 0) {
      reasons.push(`throw-away ending .${tld}`);
      score += 0.1;
    }
    if (score >= 0.5) out.push({ kind: 'phishing_link', evidence: (host + path).slice(0, 300), reasons, score: Math.min(1, Math.round(score * 100) / 100) });
  }
  return out;
}

const dmOffers = [
  /\b(?:dm|pm|inbox|message|text|write|contact)\s+(?:me|us)\b/,
  /\b(?:send|drop)\s+(?:me|us)\s+(?:a\s+)?(?:dm|pm|message)\b/,
  /\b(?:contact|reach)\s+(?:the\s+)?(?:support|admin|help\s*desk|team)\s+(?:on|via|through|at)\s+(?:whatsapp|telegram|wa\.me|t\.me|@)/,
  /\b(?:escribeme|escribenos|mandame|envíame|enviame)\b.*\b(?:privado|dm|md|mp)\b/,
  /\b(?:me\s+chama|chama\s+no|me\s+manda)\b.*\b(?:privado|pv|dm|direct)\b/,
  /\b(?:al|por|no)\s+(?:privado|pv|md)\b/,
];
const lures = [
  /\b(?:validate|verify|sync|synchroni[sz]e|rectify|restore|unlock|migrate)\s+(?:your\s+)?(?:wallet|account|funds|tokens)\b/,
  /\b(?:enter|share|send|type|submit|provide)\s+(?:your\s+)?(?:seed|secret|recovery|mnemonic|12|24)[\s-]*(?:phrase|words|word)?/,
  /\b(?:valida|verifica|sincroniza|restaura)\s+(?:tu\s+)?(?:billetera|cartera|wallet)\b/,
  /\b(?:validar|verificar|sincronizar|restaurar)\s+(?:sua\s+|a\s+sua\s+)?(?:carteira|wallet)\b/,
  /\b(?:frase\s+(?:semilla|secreta|de\s+recuperacion|de\s+recuperacao))\b.*\b(?:envia|manda|comparte|compartilhe|ingresa|digite)\b|\b(?:envia|manda|comparte|compartilhe|ingresa|digite)\b.*\bfrase\s+(?:semilla|secreta|de\s+recuperacion|de\s+recuperacao)\b/,
  /\b(?:claim|reclama|resgate)\s+(?:your\s+|tu\s+|seu\s+)?(?:airdrop|reward|recompensa)\b/,
];

/** Finds "DM me for support" offers and "validate / sync your wallet" lures (en/es/pt). */
export function textLures(text: string): ScamFinding[] {
  const folded = fold(text);
  const out: ScamFinding[] = [];
  const dm = dmOffers.map((re) => folded.match(re)?.[0]).find(Boolean);
  const supportContext = /\b(?:support|help|assist|issue|problem|soport|ayud|suport|ajud|resolv)/.test(folded);
  if (dm && supportContext) out.push({ kind: 'support_dm_offer', evidence: dm, reasons: ['offers support in private messages'], score: 0.7 });
  const lure = lures.map((re) => folded.match(re)?.[0]).find(Boolean);
  if (lure) out.push({ kind: 'wallet_lure', evidence: lure.slice(0, 200), reasons: ['asks to validate/sync a wallet or hand over its recovery phrase'], score: 0.8 });
  return out;
}

/** Every finding of one post: its author's display name, its links and its wording. */
export function scanPost(text: string, authorName: string | undefined, options: ScamWatchOptions): ScamFinding[] {
  const out: ScamFinding[] = [];
  const imp = authorName ? impersonation(authorName, options) : null;
  if (imp) out.push(imp);
  out.push(...phishingLinks(text, options), ...textLures(text));
  return out;
}
