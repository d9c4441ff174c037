import type { Principal } from '../auth/index.ts';
import type { Logger } from '../core/index.ts';

/** Per-request values shared by the middleware and the handlers. */
export interface AppEnv {
  Variables: {
    requestId: string;
    principal: Principal | undefined;
    log: Logger;
    routePath: string;
    /** Why the Authorization header could not be read, for the 401 of a guarded route. */
    authProblem?: string;
  };
}
