import type { Category, Language, Priority, Reason, Severity, Tier } from '../ticket.ts';
import { severities } from '../ticket.ts';
import { t } from '../../i18n/index.ts';

/** Whole-balance / life-savings language: the user says the loss is everything they have. */
const allFunds = /\b(all (of )?my|everything|entire balance|life savings|rent money|todo mi|todos mis|todas mis|todo el dinero|tudo|todo o meu|todos os meus|todas as minhas|meu salario|mi sueldo)\b/;
const fundsWords = /\b(funds?|money|balance|usdt|usdc|eth|btc|bitcoin|crypto|dinero|fondos|saldo|plata|dinheiro|fundos|grana)\b/;
const compromise = /\b(drained|stole\w*|stolen|robaron|roubaram|hack\w*|vaciaron|limparam|unauthori[sz]ed|no autorizad\w*|nao autorizad\w*|levaram tudo|sacaron todo|leak\w*|a scammer has|un estafador tiene|um golpista tem)\b/;
const manyUsers = /\b(many users|everyone|all users|muchos usuarios|todos los usuarios|varios usuarios|muitos usuarios|todo mundo|todos os usuarios)\b/;

export interface SeverityDecision {
  severity: Severity;
  reasons: Reason[];
}

/**
 * Applies the severity rubric (CONTRACTS.md §1) on top of the model: an exposed secret or a
 * compromised account is critical; many users blocked is at least high.
 */
export function decideSeverity(modelSeverity: Severity, folded: string, securityFlags: readonly string[], category: Category): SeverityDecision {
  const reasons: Reason[] = [{ kind: 'model', text: `classifier: ${modelSeverity}`, supports: 'severity' }];
  let level = severities.indexOf(modelSeverity);
  const raise = (to: Severity, reason: Reason) => {
    const target = severities.indexOf(to);
    if (target < level) level = target;
    reasons.push(reason);
  };
  if (securityFlags.includes('secret_exposed')) raise('critical', { kind: 'signal', text: 'a seed phrase, private key or card number was in the message', supports: 'severity' });
  const hit = compromise.exec(folded);
  if (hit && (category === 'security_scam_or_compromise' || category === 'funds_missing_or_not_shown')) raise('critical', { kind: 'rule', text: hit[0], supports: 'severity' });
  const many = manyUsers.exec(folded);
  if (many) raise('high', { kind: 'rule', text: many[0], supports: 'severity' });
  return { severity: severities[level]!, reasons };
}

export interface PriorityDecision {
  priority: Priority;
  reasons: Reason[];
}

/** p1–p4 from severity, then one step up for a VIP requester and one for whole-balance language about funds. */
export function decidePriority(severity: Severity, folded: string, securityFlags: readonly string[], tier: Tier | undefined): PriorityDecision {
  const reasons: Reason[] = [{ kind: 'signal', text: `severity ${severity}`, supports: 'priority' }];
  let p = severities.indexOf(severity) + 1;
  if (tier === 'vip') {
    p -= 1;
    reasons.push({ kind: 'signal', text: 'VIP requester (SLA tier)', supports: 'priority' });
  }
  const all = allFunds.exec(folded);
  if (all && fundsWords.test(folded)) {
    p -= 1;
    reasons.push({ kind: 'rule', text: all[0], supports: 'priority' });
  }
  if (securityFlags.includes('secret_exposed')) {
    p = 1;
    reasons.push({ kind: 'signal', text: 'secret exposed', supports: 'priority' });
  }
  p = Math.min(4, Math.max(1, p));
  return { priority: `p${p}` as Priority, reasons };
}

/** The automatic first answer to the user, in their language (en, es or pt-BR), from locales/*.json (`ack.*`). */
export function acknowledgement(language: Language, securityFlags: readonly string[], category: Category): string {
  const locale = language === 'pt' ? 'pt-BR' : language;
  if (securityFlags.includes('secret_exposed')) return t(locale, 'ack.exposed');
  if (category === 'security_scam_or_compromise') return t(locale, 'ack.compromise');
  return t(locale, 'ack.normal');
}
