import { ConflictError, NotFoundError, ValidationError } from '../../core/index.ts';

export class ClusterNotFoundError extends NotFoundError {
  override name = 'ClusterNotFoundError';
  constructor(id: string) {
    super(`No ticket cluster ${id}.`, { metaMessages: ['Cluster ids look like tcl_…; list them with GET /api/clusters or `opsdesk cluster list`.'], context: { clusterId: id } });
  }
}

/** A merge or split that cannot be done as asked (closed cluster, ticket not in the cluster, nothing to move). */
export class ClusterChangeInvalidError extends ValidationError {
  override name = 'ClusterChangeInvalidError';
  constructor(problem: string, hints: readonly string[] = []) {
    super(`The cluster change is invalid: ${problem}.`, { metaMessages: hints, context: { problem } });
  }
}

/** The cluster was merged or solved by someone else meanwhile. */
export class ClusterClosedError extends ConflictError {
  override name = 'ClusterClosedError';
  constructor(id: string, status: string) {
    super(`The cluster ${id} is ${status}.`, { metaMessages: ['Reload the cluster: a merged cluster lives on in the one it was merged into.'], context: { clusterId: id, status } });
  }
}
