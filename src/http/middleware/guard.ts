import type { MiddlewareHandler } from 'hono';
import { ForbiddenError, UnauthorizedError } from '../../core/index.ts';
import type { AppEnv } from '../env.ts';
import { CsrfError } from '../errors.ts';
import type { RouteDef } from '../route.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Enforces a route's declared access, and CSRF for cookie sessions on unsafe methods. */
export function guard(route: RouteDef): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('routePath', route.path);
    if ('public' in route.access) return next();
    const principal = c.get('principal');
    if (!principal) {
      const problem = c.get('authProblem');
      throw problem ? new UnauthorizedError(problem) : new UnauthorizedError();
    }
    if (!route.access.roles.includes(principal.role)) throw new ForbiddenError(`Your role (${principal.role}) may not call ${route.method} ${route.path}.`);
    if (principal.csrfToken && !safeMethods.has(route.method) && !route.csrfExempt) {
      if (c.req.header('x-csrf-token') !== principal.csrfToken) throw new CsrfError();
    }
    return next();
  };
}
