import { atLeast } from '../../auth/index.ts';
import type { HttpDeps } from '../deps.ts';
import { defineRoute, type RouteDef } from '../route.ts';

const access = { roles: atLeast('viewer') } as const;

/** MCP over Streamable HTTP (stateless, JSON responses) at /mcp; callers send an API token. */
export function mcpRoutes(deps: HttpDeps): RouteDef[] {
  const summary = 'Model Context Protocol endpoint (Streamable HTTP): read-only tools kb_search, kb_get_article, service_status, incident_status. Send Authorization: Bearer <API token>.';
  return (['POST', 'GET', 'DELETE'] as const).map((method) =>
    defineRoute({ method, path: '/mcp', access, summary, handler: (c) => deps.mcp(c.req.raw) }),
  );
}
