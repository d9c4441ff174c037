import { redactText } from '../../redaction/index.ts';
import { ReplyUnsafeError } from './errors.ts';

const secretTerms = [
  /\b(seed|recovery|secret|backup|mnemonic)[\s-]+(phrase|words?)\b/i,
  /\bmnemonic\b/i,
  /\b(12|24|twelve|twenty[\s-]four)[\s-]+words?\b/i,
  /\bprivate[\s-]+keys?\b/i,
  /\bkeystore\b/i,
  /\bfrase\s+(semilla|semente|secreta|de\s+recuperaci[oó]n|de\s+recupera[cç][aã]o|de\s+respaldo)(?!\p{L})/iu,
  /\b(clave|llave|chave)\s+privada\b/i,
  /\b(12|24|doce|veinticuatro|doze|vinte\s+e\s+quatro)\s+(palavras|palabras)\b/i,
];

const walletActions = [
  /\b(verify|validate|sync|synchroni[sz]e|re-?activate|unlock|authenticate|rectify|whitelist)\s+(your\s+|the\s+)?(wallet|account|funds)\b/i,
  /\b(verifica|verificar|valida|validar|sincroniza|sincronizar|reactiva|reactivar|desbloquea|desbloquear)\s+(tu\s+|su\s+|la\s+)?(billetera|cartera|monedero|wallet|cuenta)\b/i,
  /\b(verifique|verificar|valide|validar|sincronize|sincronizar|reative|reativar|desbloqueie|desbloquear)\s+(sua\s+|a\s+)?(carteira|wallet|conta)\b/i,
];

// A sentence that says we never ask is the advice we want to give, not the scam.
const negation = /\b(never|not|don'?t|won'?t|no\s+one|nobody|nunca|jam[aá]s|jamais|nadie|n[aã]o|ningu[eé]m|nenhum|no\s+(te|le|les|os|se|lo|la|compartas|comparta|compartan|pedimos|pediremos|solicitamos|solicitaremos|necesitas|necesita|debes|debe|hace))\b/i;
const urlPattern = /\b(?:https?:\/\/|www\.)([^\s/?#<>"')\]]+)/gi;

/** Why a text must not go to a user (empty when it may): a secret in it, a request for one, a wallet "verification", or a link to a host not allowed. */
export function unsafeReplyReasons(text: string, allowedHosts: readonly string[]): string[] {
  const reasons = new Set<string>();
  const red = redactText(text);
  if (red.redactions.length) reasons.add(`contains a secret (${[...new Set(red.redactions.map((r) => r.kind))].join(', ')})`);
  for (const sentence of text.split(/(?<=[.!?¡¿])\s+|\n+/)) {
    const negated = negation.test(sentence);
    if (!negated && secretTerms.some((re) => re.test(sentence))) reasons.add(`mentions a wallet secret without saying we never ask for it: "${clip(sentence)}"`);
    if (!negated && walletActions.some((re) => re.test(sentence))) reasons.add(`asks the user to verify, validate or sync a wallet: "${clip(sentence)}"`);
  }
  const allowed = allowedHosts.map((h) => h.toLowerCase());
  for (const match of text.matchAll(urlPattern)) {
    const host = (match[1] ?? '').toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
    if (!allowed.some((a) => host === a || host.endsWith(`.${a}`))) reasons.add(`links to ${host}, which is not an allowed host`);
  }
  return [...reasons];
}

/** Throws `ReplyUnsafeError` unless every text is safe to send to a user. */
export function assertSafeReply(texts: readonly string[], allowedHosts: readonly string[]): void {
  const reasons = [...new Set(texts.flatMap((t) => unsafeReplyReasons(t, allowedHosts)))];
  if (reasons.length) throw new ReplyUnsafeError(reasons);
}

function clip(s: string): string {
  const t = s.trim();
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}
