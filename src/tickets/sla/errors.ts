import { ValidationError } from '../../core/index.ts';

/** A business-hours calendar or SLA policy that cannot be used (unknown time zone, bad period, no open hours). */
export class SlaSettingsInvalidError extends ValidationError {
  override name = 'SlaSettingsInvalidError';
  constructor(problem: string, hints: readonly string[] = []) {
    super(`The SLA settings are invalid: ${problem}.`, { metaMessages: hints, context: { problem } });
  }
}

/** The SLA settings file of `sla.policiesFile` is missing, not JSON, or has a bad field. */
export class SlaSettingsFileInvalidError extends ValidationError {
  override name = 'SlaSettingsFileInvalidError';
  constructor(file: string, problems: readonly string[]) {
    super(`The SLA settings file ${file} is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}).`, {
      metaMessages: [...problems.map((p) => `- ${p}`), '', 'Fix the file (or unset sla.policiesFile to use the built-in policies) and start again. The format is in docs/clusters-sla-queue.md.'],
      docsPath: 'sla-settings-invalid',
      context: { file, problems },
    });
  }
}
