import { UpdateImpersonationRiskError } from './errors.ts';

const secretTerms = [
  /\b(seed|recovery|secret|backup|mnemonic)[\s-]+(phrase|words?)\b/i,
  /\bmnemonic\b/i,
  /\b(12|24|twelve|twenty[\s-]four)[\s-]+words?\b/i,
  /\bprivate[\s-]+keys?\b/i,
  /\bkeystore\b/i,
  /\bfrase\s+(semilla|semente|secreta|de\s+recuperaci[oó]n|de\s+recupera[cç][aã]o|de\s+respaldo)(?!\p{L})/iu,
  /\b(clave|llave|chave)\s+privada\b/i,
  /\b(12|24|doce|veinticuatro|doze|vinte\s+e\s+quatro)\s+palavras?\b/i,
  /\b(12|24|doce|veinticuatro)\s+palabras\b/i,
];

const walletActions = [
  /\b(verify|validate|sync|synchroni[sz]e|re-?activate|unlock|authenticate|restore|rectify|whitelist)\s+(your\s+|the\s+)?(wallet|account|funds)\b/i,
  /\b(verifica|verificar|valida|validar|sincroniza|sincronizar|reactiva|reactivar|desbloquea|desbloquear|restaura|restaurar)\s+(tu\s+|su\s+|la\s+)?(billetera|cartera|monedero|wallet|cuenta)\b/i,
  /\b(verifique|verificar|valide|validar|sincronize|sincronizar|reative|reativar|desbloqueie|desbloquear|restaure|restaurar)\s+(sua\s+|a\s+)?(carteira|wallet|conta)\b/i,
];

// "no" alone is also Portuguese for "in the", so Spanish "no" counts only before a verb or pronoun.
const negation = /\b(never|not|don'?t|won'?t|no\s+one|nobody|nunca|jam[aá]s|jamais|nadie|n[aã]o|ningu[eé]m|nenhum|no\s+(te|le|les|os|se|lo|la|compartas|comparta|compartan|pedimos|pediremos|solicitamos|solicitaremos|necesitas|necesita|debes|debe|hace))\b/i;
const urlPattern = /\b(?:https?:\/\/|www\.)([^\s/?#<>"')]+)/gi;

/**
 * Refuses update texts that ask for secrets or a wallet "verification", or link to hosts we do not own:
 * the shapes of the impersonation scams that follow every wallet outage.
 */
export function assertSafeUpdateText(texts: readonly string[], allowedHosts: readonly string[]): void {
  const reasons = new Set<string>();
  const allowed = allowedHosts.map((h) => h.toLowerCase());
  for (const text of texts) {
    for (const sentence of text.split(/(?<=[.!?¡¿])\s+|\n+/)) {
      const negated = negation.test(sentence);
      if (!negated && secretTerms.some((re) => re.test(sentence))) reasons.add(`mentions a wallet secret without saying we never ask for it: "${clip(sentence)}"`);
      if (!negated && walletActions.some((re) => re.test(sentence))) reasons.add(`asks users to verify, validate or sync a wallet: "${clip(sentence)}"`);
    }
    for (const match of text.matchAll(urlPattern)) {
      const host = (match[1] ?? '').toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
      const ok = allowed.some((a) => host === a || host.endsWith(`.${a}`));
      if (!ok) reasons.add(`links to ${host}, which is not an allowed host`);
    }
  }
  if (reasons.size) throw new UpdateImpersonationRiskError([...reasons]);
}

function clip(s: string): string {
  const t = s.trim();
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}
