import { ValidationError } from '../../core/index.ts';

/** A business-hours calendar or SLA policy that cannot be used (unknown time zone, bad period, no open hours). */
export class SlaSettingsInvalidError extends ValidationError {
  override name = 'SlaSettingsInvalidError';
  constructor(problem: string, hints: readonly string[] = []) {
    super(`The SLA settings are invalid: ${problem}.`, { metaMessages: hints, context: { problem } });
  }
}
