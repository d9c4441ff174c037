import type { Category } from '../ticket.ts';

/** A domain rule: a phrase family (on accent-folded, lower-cased text) that points to a category. */
export interface CategoryRule {
  category: Category;
  name: string;
  pattern: RegExp;
  weight: number;
}

const r = (category: Category, name: string, pattern: RegExp, weight = 1): CategoryRule => ({ category, name, pattern, weight });

/** Phrases support agents recognise, in English, Spanish and Portuguese (accents folded). */
export const categoryRules: readonly CategoryRule[] = [
  r('tx_stuck_pending', 'pending', /\b(pending|pendiente|pendente|unconfirmed|no se confirma|nao confirm\w*|not confirm\w*)\b/),
  r('tx_stuck_pending', 'stuck', /\b(stuck|atascad[ao]|trabad[ao]|travad[ao]|queued|en cola|na fila|processing|procesando|processando)\b/, 0.7),
  r('tx_stuck_pending', 'speed up / cancel', /\b(speed (it )?up|acelerar?|acelero|cancel\w*|replace\w*|dropped)\b/, 0.6),
  r('tx_stuck_pending', 'nonce / mempool', /\b(mempool|nonce gap)\b/),
  r('tx_failed', 'failed', /\b(fail\w*|fallo|falla\w*|fallida|falh\w*|revert\w*)\b/),
  r('tx_failed', 'chain error', /\b(out of gas|out of energy|execution reverted|nonce too low|blockhash|insufficient (funds|allowance)|fondos insuficientes|saldo insuficiente|tecno\w*|energia suficiente|falta energia)\b/),
  r('funds_missing_or_not_shown', 'balance', /\b(balance|saldo)\b/, 0.6),
  r('funds_missing_or_not_shown', 'not showing', /\b(not (showing|shown|visible|there|appear\w*)|doesn'?t (show|appear)|don'?t (see|show)|no (aparece\w*|veo|llego|llega\w*|ha llegado|han llegado|sale)|nao (aparece\w*|chegou|chega\w*|caiu|mostra)|not received|(has|have)(n'?t| not) arrived|never (came|arrived)|nothing (arrived|in my wallet))\b/),
  r('funds_missing_or_not_shown', 'disappeared', /\b(disappeared|desaparecie\w*|sumiu|where (is|did) my|donde esta mi|cade (meu|minha)|gone from the screen|zerad[oa]|shows? (0|zero)|en 0|wrong value)\b/),
  r('funds_missing_or_not_shown', 'custom token', /\b(custom token|token personalizado|import (the )?token)\b/),
  r('wrong_network_or_address', 'wrong network', /\b(wrong (network|address|chain|one)|red equivocada|direccion equivocada|rede errada|endereco errado|equivoque de red|errei a rede|me equivoque|errei|instead of|en vez de|em vez de|e nao pela)\b/),
  r('wrong_network_or_address', 'memo / tag', /\b(memo|destination tag|tag|comment|comentario)\b/),
  r('wrong_network_or_address', 'cross-standard send', /\b(bep20\b.*\berc20|erc20\b.*\bbep20|trc20\b.*\berc20|contract address|al contrato|pro contrato|to the \w+ contract|contract itself|clipboard|portapapeles|area de transferencia|which network|que red|qual rede)\b/),
  r('swap_or_bridge_failure', 'swap', /\b(swap\w*|bridge\w*|puente|ponte|intercambi\w*|troca\w*|troque\w*|exchanged|cross.chain)\b/),
  r('swap_or_bridge_failure', 'quote / slippage', /\b(slippage|deslizamiento|liquidity|liquidez|quote|cotizacion|cotacao|price impact|waiting for deposit)\b/),
  r('fees', 'fee', /\b(fees?|comision\w*|taxas?|gas price|gas fee|max fee|priority fee)\b/),
  r('fees', 'cost', /\b(expensive|cheapest|caro|cara|carisim[ao]|barat[ao]|cost|cuesta|custa|how much|cuanto|quanto)\b/, 0.5),
  r('dapp_connection', 'dapp / walletconnect', /\b(dapps?|walletconnect|wallet connect|qr code|deep link|navegador de dapps?|dapp browser)\b/),
  r('dapp_connection', 'connect to a site', /\b(connect\w*|conect\w*|desconect\w*|disconnect\w*|session|sesion|sessao|pairing|sign(ing)? (a )?message|firmar un mensaje|assinar mensagem|site|sitio|pagina)\b/, 0.6),
  r('account_access_recovery', 'recovery phrase', /\b(recovery phrase|frase de recupera\w*|(12|24) (words|palabras|palavras)|11 (words|de las|das))\b/),
  r('account_access_recovery', 'locked out', /\b(passcode|password|contrasena|senha|pin|face id|biometri\w*|locked|bloquead[ao]|log in|login|codigo de acceso)\b/),
  r('account_access_recovery', 'restore / new phone', /\b(restor\w*|restaur\w*|recover\w*|recuper\w*|lost my phone|perdi (mi|meu) celular|new phone|celular novo|otro celular|cambie de celular|troquei de celular|deleted the app|borre la aplicacion|apaguei o aplicativo|backup|copia de seguridad|icloud)\b/),
  r('security_scam_or_compromise', 'compromise', /\b(drained|stole\w*|stolen|robaron|roubaram|hack\w*|vaciaron|limparam|unauthori[sz]ed|no autorizad\w*|nao autorizad\w*|leak\w*|took everything|sacaron todo|levaram tudo)\b/, 1.5),
  r('security_scam_or_compromise', 'scam', /\b(scam\w*|estaf\w*|golpe\w*|golpista|phishing|poison\w*|pretending|fingiendo|fingindo|double my|duplicar|dobrar|fake app|suspended|validate|validar|verify)\b/, 1.2),
  r('security_scam_or_compromise', 'secret in the message', /\b(redactedseedphrase|redactedprivatekey)\b/, 2),
  r('security_scam_or_compromise', 'secret shared', /\b(gave my|di mis|passei minhas|private key|seed phrase|frase semilla|frase secreta|revoke|revoco|revogo)\b/, 1.2),
  r('app_bug_crash_ui', 'crash', /\b(crash\w*|se cierra|fecha sozinho|closes by itself|freez\w*|congel[ao]\w*|se traba|splash|white screen|pantalla en blanco|tela branca|blank|stuck on the)\b/, 1.2),
  r('app_bug_crash_ui', 'ui defect', /\b(typo|ortografia|erro de portugues|dark mode|modo oscuro|modo escuro|chart|grafico|notification\w*|notificac\w*|slow|lent[ao]|laggy|scroll|keyboard|teclado|icon|idioma|language setting|button|boton|botao|screen|pantalla|tela)\b/, 0.6),
  r('card_or_fiat_payment', 'card', /\b(card|tarjeta|cartao|credit|debit|debito|apple pay|atm|cajero|caixa eletronico)\b/, 1.2),
  r('card_or_fiat_payment', 'fiat', /\b(bank|banco|bancaria|kyc|pix|spei|moonpay|charged|cobraron|cobrou|declined|rechaz\w*|recusad[ao]|purchase|refund|transferencia bancaria|bank transfer)\b/, 0.8),
  r('staking_or_rewards', 'staking', /\b(stak\w*|unstak\w*|rewards?|recompensas?|rendimento|validators?|validador\w*|apr|apy|unbond\w*|desvincula\w*|delegat\w*|deleg[ou]e?\w*|auto compound)\b/, 1.2),
  r('staking_or_rewards', 'freeze trx', /\b(freez\w* trx|congel\w* trx|energy and bandwidth)\b/),
  r('nft', 'nft', /\b(nfts?|collectibles?|coleccionables?|colecionave\w*|erc1155|ordinals|poap|mint\w*|bored ape|ens name)\b/, 1.5),
  r('hardware_wallet', 'hardware', /\b(ledger|trezor|keystone|tangem|hardware|firmware|blind signing|nano [sx])\b/, 1.5),
  r('hardware_wallet', 'pairing', /\b(bluetooth|usb|pair\w*|parear|vincular)\b/, 0.6),
  r('feature_request_or_other', 'request', /\b(please (add|support)|add support|agreguen|adicionem|coloquem|pueden (agregar|poner)|suggestion|sugerencia|sugestao|would (be nice|love)|seria (genial|legal)|me gustaria|queria poder|feature)\b/, 1.2),
  r('feature_request_or_other', 'other', /\b(widget|desktop|windows|partner|afiliad\w*|parceiro|job|open source|codigo abierto|list my token|listar (mi|meu) token|thanks|gracias|parabens|delete my account|borro mi cuenta|apago minha conta|invoice|price alerts?|alertas? de prec\w*)\b/),
];

export interface RuleHit {
  rule: CategoryRule;
  match: string;
}

/**
 * The 3-letter word prefixes one of which must occur for a rule `\b(alt|alt…)\b` to match, or
 * undefined when that cannot be told from the pattern (the rule then always runs).
 */
export function rulePrefixes(pattern: RegExp): string[] | undefined {
  const src = pattern.source;
  if (!src.startsWith('\\b(') || !src.endsWith(')\\b')) return undefined;
  const inner = src.slice(3, -3);
  const alts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      alts.push(inner.slice(start, i));
      start = i + 1;
    }
  }
  alts.push(inner.slice(start));
  const out = new Set<string>();
  for (const alt of alts) {
    let stem = /^[a-z]*/.exec(alt)![0];
    if (/^[?*{]/.test(alt.slice(stem.length))) stem = stem.slice(0, -1);
    if (stem.length < 3) return undefined;
    out.add(stem.slice(0, 3));
  }
  return [...out];
}

const prefixesOf = new Map<CategoryRule, string[] | undefined>();

/** Every rule that matches the folded text, with the matched phrase; `tokens` (its words) let most rules be skipped cheaply. */
export function matchRules(folded: string, rules: readonly CategoryRule[] = categoryRules, tokens?: readonly string[]): RuleHit[] {
  let present: Set<string> | undefined;
  if (tokens) {
    present = new Set<string>();
    for (const t of tokens) if (t.length >= 3) present.add(t.slice(0, 3));
  }
  const hits: RuleHit[] = [];
  for (const rule of rules) {
    if (present) {
      if (!prefixesOf.has(rule)) prefixesOf.set(rule, rulePrefixes(rule.pattern));
      const need = prefixesOf.get(rule);
      if (need && !need.some((p) => present.has(p))) continue;
    }
    const m = rule.pattern.exec(folded);
    if (m) hits.push({ rule, match: m[0] });
  }
  return hits;
}
