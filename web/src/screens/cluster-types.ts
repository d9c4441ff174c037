export interface ClusterSummary {
  id: string;
  title: string;
  status: 'open' | 'solved' | 'merged' | 'closed';
  category: string;
  chains: string[];
  tokens: string[];
  appVersion: string | null;
  platform: string | null;
  mergedInto: string | null;
  ticketCount: number;
  openTicketCount: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface ClusterSpike {
  id: string;
  clusterId: string;
  title: string;
  windowStart: string;
  windowEnd: string;
  count: number;
  baseline: number;
  ratio: number;
  createdAt: string;
}

/** A linked ticket: triage fields only, never another requester's name or words. */
export interface ClusterMember {
  ticketId: string;
  status: string;
  priority: string;
  severity: string;
  language: string;
  channel: string;
  reason: 'manual' | 'tx_hash' | 'address' | 'signature' | 'text' | null;
  score: number | null;
  pinned: boolean;
  createdAt: string;
}

export interface Cluster extends ClusterSummary {
  members: ClusterMember[];
  spikes: ClusterSpike[];
}

/** Why a ticket joined, in words. */
export const reasonText: Record<string, string> = {
  manual: 'moved here by an agent',
  tx_hash: 'same transaction hash',
  address: 'same address',
  signature: 'same chain, token, category and app version',
  text: 'near-duplicate text',
};
