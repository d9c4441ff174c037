import type { Clock, Config } from '../core/index.ts';
import type { EntityExtractor } from '../entities/index.ts';
import type { MonitorDeps } from '../monitor/index.ts';
import type { RelationalStore } from '../storage/index.ts';

/** What the community verbs need; surfaces build it from the runtime. */
export interface CommunityDeps {
  store: RelationalStore;
  clock: Clock;
  config: Config['community'];
  /** Chains, tokens and app versions of a post (src/entities, built from the chain registry). */
  entities: EntityExtractor;
  /** The triage category of a redacted text (src/tickets' classifier), when available. */
  classify?: (redactedText: string) => string | undefined;
  /** Alerts: read for correlation, raised for early warnings. */
  monitor: MonitorDeps;
  /** Where connectors read secrets named in source settings (the Telegram bot token); default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}
