export interface TicketSummary {
  id: string;
  channel: string;
  requester: string | null;
  requesterName: string | null;
  tier: string;
  subject: string;
  status: string;
  category: string;
  categoryConfidence: number;
  severity: 'critical' | 'high' | 'medium' | 'low';
  priority: 'p1' | 'p2' | 'p3' | 'p4';
  language: string;
  securityFlags: string[];
  chains: string[];
  createdAt: string;
  updatedAt: string;
}

export type SlaState = 'breached' | 'warning' | 'paused' | 'active' | 'met' | 'none';

export interface QueueItem extends TicketSummary {
  assigneeId: string | null;
  clusterId: string | null;
  sla: { state: SlaState; policy: string | null; nextDueAt: string | null; remainingMs: number | null };
}

export const slaStates: SlaState[] = ['breached', 'warning', 'paused', 'active', 'met', 'none'];

export interface Ticket extends TicketSummary {
  redactedText: string;
  entities: {
    txHashes: Array<{ value: string; families: string[]; chains?: string[] }>;
    addresses: Array<{ value: string; chains: string[] }>;
    tokens: string[];
    amounts: Array<{ value: string; symbol?: string }>;
    platform?: string;
    appVersion?: string;
  };
  reasons: Array<{ kind: string; text: string; supports: string; weight?: number }>;
  kb: Array<{ slug: string; title: string; score: number }>;
  /** The problem (cluster) the ticket belongs to; null when alone. */
  problem: { id: string; title: string; reason: string | null; openTickets: number } | null;
  messages: Array<{ id: string; authorKind: string; author: string | null; channel: string; body: string; securityFlags: string[]; createdAt: string }>;
  events: Array<{ id: string; at: string; kind: string; actor: string | null; detail: unknown }>;
}

export const categories = [
  'tx_stuck_pending',
  'tx_failed',
  'funds_missing_or_not_shown',
  'wrong_network_or_address',
  'swap_or_bridge_failure',
  'fees',
  'dapp_connection',
  'account_access_recovery',
  'security_scam_or_compromise',
  'app_bug_crash_ui',
  'card_or_fiat_payment',
  'staking_or_rewards',
  'nft',
  'hardware_wallet',
  'feature_request_or_other',
];
export const ticketStatuses = ['new', 'open', 'pending', 'solved', 'closed'];
export const priorities = ['p1', 'p2', 'p3', 'p4'];

/** The ticket's language as a console locale (the API's `pt` is Brazilian Portuguese). */
export const localeOf = (language: string) => (language === 'pt' ? 'pt-BR' : language === 'es' ? 'es' : 'en');
