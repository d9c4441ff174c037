import type { Context } from 'hono';
import type { Role } from '../auth/index.ts';
import type { AppEnv } from './env.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone (an explicit, tested allowlist) or the listed roles. */
export type Access = { public: true; reason: string } | { roles: readonly Role[] };

export interface RouteDef {
  method: Method;
  path: string;
  access: Access;
  summary: string;
  /** Skip CSRF for this route (only for routes that cannot use cookies, e.g. login). */
  csrfExempt?: boolean;
  handler: (c: Context<AppEnv>) => Response | Promise<Response>;
}

/** Declares a route; every route states who may call it. */
export function defineRoute(def: RouteDef): RouteDef {
  return def;
}

/** The signed-in principal of a guarded route (the guard has already checked it). */
export function principalOf(c: Context<AppEnv>): NonNullable<AppEnv['Variables']['principal']> {
  const p = c.get('principal');
  if (!p) throw new Error('principalOf used on a public route');
  return p;
}
