import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { findSessionPrincipal, findTokenPrincipal } from '../../auth/index.ts';
import type { HttpDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';

export const sessionCookie = 'opsdesk_session';
export const csrfCookie = 'opsdesk_csrf';

/** Resolves who is asking from a bearer token or the session cookie; does not enforce anything. */
export function authenticate(deps: HttpDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (bearer) {
      c.set('principal', await findTokenPrincipal(deps.store.db, bearer, deps.clock));
    } else {
      const sid = getCookie(c, sessionCookie);
      c.set('principal', sid ? await findSessionPrincipal(deps.store.db, sid, deps.clock) : undefined);
    }
    await next();
  };
}
