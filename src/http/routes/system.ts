import { atLeast } from '../../auth/index.ts';
import type { HttpDeps } from '../deps.ts';
import { defineRoute, type RouteDef } from '../route.ts';

/** Health and the server's own Prometheus metrics. */
export function systemRoutes(deps: HttpDeps): RouteDef[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/healthz',
      access: { public: true, reason: 'load balancers and orchestrators probe it without credentials' },
      summary: 'Readiness: 200 when the server can serve requests.',
      handler: async (c) => {
        if (!deps.isReady()) return c.json({ status: 'starting' }, 503);
        try {
          await deps.store.db.selectFrom('opsdesk_meta').select('key').limit(1).execute();
        } catch {
          return c.json({ status: 'degraded', store: 'unreachable' }, 503);
        }
        return c.json({ status: 'ok', store: deps.store.dialect });
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/metrics',
      access: { roles: [...atLeast('viewer'), 'ingest'] },
      summary: 'Prometheus metrics of this server (scrape with an API token).',
      handler: async (c) => c.body(await deps.metrics.metrics(), 200, { 'content-type': deps.metrics.contentType }),
    }),
  ];
}
