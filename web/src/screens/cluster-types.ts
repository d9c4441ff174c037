// The API's shapes, from the server's own definitions (type-only: nothing of the server is bundled).
export type { Cluster, ClusterMember, ClusterSpike, ClusterSummary } from '../../../src/tickets/clusters/cluster.ts';

/** Why a ticket joined, in words. */
export const reasonText: Record<string, string> = {
  manual: 'moved here by an agent',
  tx_hash: 'same transaction hash',
  address: 'same address',
  signature: 'same chain, token, category and app version',
  text: 'near-duplicate text',
};
