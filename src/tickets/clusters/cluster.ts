/** Why a ticket joined its cluster, strongest first. */
export const clusterReasons = ['manual', 'tx_hash', 'address', 'signature', 'text'] as const;
export type ClusterReason = (typeof clusterReasons)[number];

export const clusterStatuses = ['open', 'solved', 'merged', 'closed'] as const;
export type ClusterStatus = (typeof clusterStatuses)[number];

/** Tuning of incremental clustering; the defaults suit a wallet support queue. */
export interface ClusterOptions {
  /** Tickets sharing a chain + token + category + app version cluster when created this close together. */
  signatureWindowSec: number;
  /** Near-duplicate texts cluster when created this close together. */
  textWindowSec: number;
  /** Tickets sharing a tx hash or address cluster when created this close together. */
  entityWindowSec: number;
  /** Estimated Jaccard similarity (MinHash) above which two texts are near-duplicates. */
  textThreshold: number;
  /** Spike detection: window length, baseline windows before it, fewest tickets and ratio to the baseline. */
  spikeWindowSec: number;
  spikeBaselineWindows: number;
  spikeMinCount: number;
  spikeMinRatio: number;
}

export const defaultClusterOptions: ClusterOptions = {
  signatureWindowSec: 24 * 3600,
  textWindowSec: 3 * 24 * 3600,
  entityWindowSec: 14 * 24 * 3600,
  textThreshold: 0.5,
  spikeWindowSec: 3600,
  spikeBaselineWindows: 24,
  spikeMinCount: 5,
  spikeMinRatio: 3,
};

/** One ticket of a cluster as a cluster view shows it: triage fields only, never the requester or their words. */
export interface ClusterMember {
  ticketId: string;
  status: string;
  priority: string;
  severity: string;
  language: string;
  channel: string;
  reason: ClusterReason | null;
  score: number | null;
  pinned: boolean;
  createdAt: string;
}

export interface ClusterSummary {
  id: string;
  title: string;
  status: ClusterStatus;
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
  createdAt: string;
  updatedAt: string;
}

export interface Cluster extends ClusterSummary {
  members: ClusterMember[];
  spikes: ClusterSpike[];
}

/** A cluster growing far above its own baseline: a signal for monitoring and incidents. */
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

export interface ClusterAssignment {
  ticketId: string;
  clusterId: string | null;
  reason: ClusterReason | null;
  score: number | null;
  /** True when this call created the cluster. */
  createdCluster: boolean;
  spike: ClusterSpike | null;
}
