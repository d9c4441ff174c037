import { outboundRisks } from '../redaction/index.ts';
import { UpdateImpersonationRiskError } from './errors.ts';

/**
 * Refuses update texts that ask for secrets or a wallet "verification", or link to hosts we do not own:
 * the shapes of the impersonation scams that follow every wallet outage (see `outboundRisks`).
 */
export function assertSafeUpdateText(texts: readonly string[], allowedHosts: readonly string[]): void {
  const reasons = [...new Set(texts.flatMap((t) => outboundRisks(t, allowedHosts)))];
  if (reasons.length) throw new UpdateImpersonationRiskError(reasons);
}
