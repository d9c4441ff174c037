import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { findSessionPrincipal, findTokenPrincipal } from '../../auth/index.ts';
import type { HttpDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { readTokenCredential } from './token-credential.ts';

export const sessionCookie = 'opsdesk_session';
export const csrfCookie = 'opsdesk_csrf';

/** Resolves who is asking from an API token (Bearer, or Basic with the token as password) or the session cookie; does not enforce anything. */
export function authenticate(deps: HttpDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Never log the header or the credential: only the parsed outcome is kept.
    const credential = readTokenCredential(c.req.header('authorization'));
    let principal = credential && 'token' in credential ? await findTokenPrincipal(deps.store.db, credential.token, deps.clock) : undefined;
    if (credential && 'problem' in credential) c.set('authProblem', credential.problem);
    else if (credential?.scheme === 'basic' && !principal) c.set('authProblem', 'The API token in the Basic credentials (the password) is unknown, revoked or expired.');
    // A Basic header may come from a password-protecting proxy in front of the console: then the session still counts.
    if (!principal && credential?.scheme !== 'bearer') {
      const sid = getCookie(c, sessionCookie);
      principal = sid ? await findSessionPrincipal(deps.store.db, sid, deps.clock) : undefined;
    }
    c.set('principal', principal);
    await next();
  };
}
