/**
 * The shapes of the impersonation scams that follow every wallet outage, as they would appear in a
 * text we send to users (a ticket reply, a status-page update): a mention of a wallet secret that
 * does not say we never ask for it, a request to verify, validate, sync or restore a wallet, and a
 * link to a host we do not own. English, Spanish and Portuguese.
 */

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
  /\b(verify|validate|sync|synchroni[sz]e|re-?activate|unlock|authenticate|restore|rectify|whitelist)\s+(your\s+|the\s+)?(wallet|account|funds)\b/i,
  /\b(verifica|verificar|valida|validar|sincroniza|sincronizar|reactiva|reactivar|desbloquea|desbloquear|restaura|restaurar)\s+(tu\s+|su\s+|la\s+)?(billetera|cartera|monedero|wallet|cuenta)\b/i,
  /\b(verifique|verificar|valide|validar|sincronize|sincronizar|reative|reativar|desbloqueie|desbloquear|restaure|restaurar)\s+(sua\s+|a\s+)?(carteira|wallet|conta)\b/i,
];

// A sentence that says we never ask is the advice we want to give, not the scam. "no" alone is also
// Portuguese for "in the", so Spanish "no" counts only before a verb or pronoun.
const negation = /\b(never|not|don'?t|won'?t|no\s+one|nobody|nunca|jam[aá]s|jamais|nadie|n[aã]o|ningu[eé]m|nenhum|no\s+(te|le|les|os|se|lo|la|compartas|comparta|compartan|pedimos|pediremos|solicitamos|solicitaremos|necesitas|necesita|debes|debe|hace))\b/i;
const urlPattern = /\b(?:https?:\/\/|www\.)([^\s/?#<>"')\]]+)/gi;

/** Why `text` must not go to users as it is (empty when it may); hosts in `allowedHosts` and their subdomains may be linked. */
export function outboundRisks(text: string, allowedHosts: readonly string[]): string[] {
  const reasons = new Set<string>();
  for (const sentence of text.split(/(?<=[.!?¡¿])\s+|\n+/)) {
    if (negation.test(sentence)) continue;
    if (secretTerms.some((re) => re.test(sentence))) reasons.add(`mentions a wallet secret without saying we never ask for it: "${clip(sentence)}"`);
    if (walletActions.some((re) => re.test(sentence))) reasons.add(`asks users to verify, validate, sync or restore a wallet: "${clip(sentence)}"`);
  }
  const allowed = allowedHosts.map((h) => h.toLowerCase());
  for (const match of text.matchAll(urlPattern)) {
    const host = (match[1] ?? '').toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
    if (!allowed.some((a) => host === a || host.endsWith(`.${a}`))) reasons.add(`links to ${host}, which is not an allowed host`);
  }
  return [...reasons];
}

function clip(s: string): string {
  const t = s.trim();
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}
