import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { Counter, Histogram } from 'prom-client';
import { RateLimitedError, toOpsError } from '../core/index.ts';
import type { HttpDeps } from './deps.ts';
import type { AppEnv } from './env.ts';
import { BodyTooLargeError, RouteNotFoundError } from './errors.ts';
import { authenticate } from './middleware/authenticate.ts';
import { guard } from './middleware/guard.ts';
import { requestContext } from './middleware/request-context.ts';
import { toProblem } from './problem.ts';
import type { RouteDef } from './route.ts';

export interface BuiltApp {
  app: Hono<AppEnv>;
  routes: readonly RouteDef[];
}

/** Builds the Hono app from route definitions; every route passes the guard for its declared access. */
export function buildApp(deps: HttpDeps, routes: readonly RouteDef[]): BuiltApp {
  const app = new Hono<AppEnv>();
  const requests = new Counter({ name: 'opsdesk_http_requests_total', help: 'HTTP requests by route and status.', labelNames: ['method', 'route', 'status'], registers: [deps.metrics] });
  const latency = new Histogram({
    name: 'opsdesk_http_request_duration_seconds',
    help: 'HTTP request latency by route.',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [deps.metrics],
  });

  app.use('*', requestContext(deps.logger, (method, route, status, seconds) => {
    requests.inc({ method, route, status: String(status) });
    latency.observe({ method, route }, seconds);
  }));
  const limitBody = bodyLimit({ maxSize: deps.config.server.bodyLimitBytes, onError: () => { throw new BodyTooLargeError(deps.config.server.bodyLimitBytes); } });
  // The OTLP receiver caps its own bodies (telemetry.maxRequestBytes, also after decompression).
  app.use('*', (c, next) => (/^\/v1\/(logs|metrics|traces)$/.test(c.req.path) ? next() : limitBody(c, next)));
  app.use('*', authenticate(deps));

  for (const route of routes) app.on(route.method, route.path, guard(route), route.handler);

  app.notFound((c) => {
    throw new RouteNotFoundError(c.req.method, c.req.path);
  });
  app.onError((error, c) => {
    const err = toOpsError(error);
    const requestId = c.get('requestId') ?? 'none';
    const status = error instanceof BodyTooLargeError ? 413 : undefined;
    if (err.code === 'INTERNAL') (c.get('log') ?? deps.logger).error({ err: err.walk(), requestId }, 'unhandled error');
    const problem = toProblem(err, requestId, status);
    if (err instanceof RateLimitedError) c.header('retry-after', String(err.retryAfterSec));
    return c.body(JSON.stringify(problem), problem.status as 400, { 'content-type': 'application/problem+json' });
  });
  return { app, routes };
}
