import { setCookie, deleteCookie, getCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  atLeast,
  changePassword,
  CreateTokenInput,
  createToken,
  createUser,
  destroySession,
  disableUser,
  listAudit,
  listTokens,
  listUsers,
  login,
  revokeToken,
  StaffRole,
} from '../../auth/index.ts';
import type { HttpDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { csrfCookie, sessionCookie } from '../middleware/authenticate.ts';
import { readJson } from '../read-json.ts';
import { defineRoute, principalOf, type RouteDef } from '../route.ts';
import type { Context } from 'hono';

const LoginBody = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });
const CreateUserBody = z.object({ email: z.string(), name: z.string().optional(), role: StaffRole, password: z.string().optional() });
const PasswordBody = z.object({ password: z.string().min(12, 'must be at least 12 characters').max(1024) });

function clientIp(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Login, logout, users, API tokens and the audit log. */
export function authRoutes(deps: HttpDeps): RouteDef[] {
  const { db } = deps.store;
  const admin = { roles: atLeast('admin') } as const;
  return [
    defineRoute({
      method: 'POST',
      path: '/api/auth/login',
      access: { public: true, reason: 'signing in is how a visitor becomes a principal; rate limited per account and client' },
      csrfExempt: true,
      summary: 'Sign in with e-mail and password; sets the session cookie.',
      handler: async (c) => {
        const body = await readJson(c, LoginBody);
        const ip = clientIp(c, deps.config.server.trustProxy);
        const res = await login(db, deps.loginLimiter, { ...body, ip, userAgent: c.req.header('user-agent') ?? null }, { sessionTtlSec: deps.config.auth.sessionTtlSec }, deps.clock);
        const secure = deps.config.auth.secureCookies;
        setCookie(c, sessionCookie, res.sessionId, { httpOnly: true, sameSite: 'Lax', path: '/', secure, maxAge: deps.config.auth.sessionTtlSec });
        setCookie(c, csrfCookie, res.csrfToken, { httpOnly: false, sameSite: 'Strict', path: '/', secure, maxAge: deps.config.auth.sessionTtlSec });
        return c.json({ user: res.user, csrfToken: res.csrfToken, expiresAt: res.expiresAt });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/auth/logout',
      access: { roles: atLeast('viewer') },
      summary: 'End the current session.',
      handler: async (c) => {
        const sid = getCookie(c, sessionCookie);
        if (sid) await destroySession(db, sid);
        deleteCookie(c, sessionCookie, { path: '/' });
        deleteCookie(c, csrfCookie, { path: '/' });
        return c.body(null, 204);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/auth/me',
      access: { roles: [...atLeast('viewer'), 'ingest'] },
      summary: 'Who is asking.',
      handler: (c) => {
        const p = principalOf(c);
        return c.json({ kind: p.kind, id: p.id, name: p.name, role: p.role, csrfToken: p.csrfToken ?? null });
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/auth/password',
      access: { roles: atLeast('viewer') },
      summary: 'Change the signed-in user’s password.',
      handler: async (c) => {
        const p = principalOf(c);
        const body = await readJson(c, PasswordBody);
        if (p.kind !== 'user') return c.json({ error: 'tokens have no password' }, 400);
        await changePassword(db, p.id, body.password, p, deps.clock);
        return c.body(null, 204);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/users',
      access: admin,
      summary: 'List staff users.',
      handler: async (c) => c.json({ items: await listUsers(db) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/users',
      access: admin,
      summary: 'Create a staff user; returns a one-time password when none is given.',
      handler: async (c) => {
        const body = await readJson(c, CreateUserBody);
        const input = { email: body.email, role: body.role, ...(body.name ? { name: body.name } : {}), ...(body.password ? { password: body.password } : {}) };
        return c.json(await createUser(db, input, principalOf(c), deps.clock), 201);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/users/:id/disable',
      access: admin,
      summary: 'Disable a user and end their sessions.',
      handler: async (c) => c.json(await disableUser(db, c.req.param('id') ?? '', principalOf(c), deps.clock)),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/tokens',
      access: admin,
      summary: 'List API tokens (never their secrets).',
      handler: async (c) => c.json({ items: await listTokens(db) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/tokens',
      access: admin,
      summary: 'Create an API token; the secret is in this answer only.',
      handler: async (c) => {
        const body = await readJson(c, CreateTokenInput);
        return c.json(await createToken(db, body, principalOf(c), deps.clock), 201);
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/api/tokens/:id',
      access: admin,
      summary: 'Revoke an API token.',
      handler: async (c) => {
        await revokeToken(db, c.req.param('id') ?? '', principalOf(c), deps.clock);
        return c.body(null, 204);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/audit',
      access: admin,
      summary: 'The audit log, newest first; filter by targetType and targetId.',
      handler: async (c) => {
        const q = c.req.query();
        const filter = { ...(q.targetType ? { targetType: q.targetType } : {}), ...(q.targetId ? { targetId: q.targetId } : {}), limit: Math.min(Number(q.limit ?? 100) || 100, 1000) };
        return c.json({ items: await listAudit(db, filter) });
      },
    }),
  ];
}
