/** What one monitor run did. */
export interface RunOutcome {
  status: 'ok' | 'alerting';
  /** Alerts raised or folded into (ids). */
  raised: string[];
  /** Alerts resolved because the condition cleared (ids). */
  cleared: string[];
  /** One line for the logs and the monitor listing. */
  detail: string;
}
