import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../core/index.ts';
import type { AppEnv } from '../env.ts';

const validId = /^[A-Za-z0-9._-]{1,128}$/;

/** Gives every request an id (kept from `x-request-id` when sane) and a child logger; logs the outcome. */
export function requestContext(logger: Logger, observe: (method: string, route: string, status: number, seconds: number) => void): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && validId.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    const log = logger.child({ requestId });
    c.set('log', log);
    c.set('routePath', 'unmatched');
    const started = performance.now();
    await next();
    c.header('x-request-id', requestId);
    const seconds = (performance.now() - started) / 1000;
    const route = c.get('routePath');
    observe(c.req.method, route, c.res.status, seconds);
    log.info({ method: c.req.method, route, path: c.req.path, status: c.res.status, ms: Math.round(seconds * 1000), actor: c.get('principal')?.id }, 'request');
  };
}
