import { atLeast } from '../../auth/index.ts';
import type { HttpDeps } from '../deps.ts';
import { defineRoute, principalOf, type RouteDef } from '../route.ts';

const access = { roles: atLeast('viewer') } as const;

/** MCP over Streamable HTTP (stateless, JSON responses) at /mcp; callers send an API token. */
export function mcpRoutes(deps: HttpDeps): RouteDef[] {
  const tools = deps.mcp.tools.map((t) => `${t.name} (${t.minRole}+)`).join(', ');
  const summary = `Model Context Protocol endpoint (Streamable HTTP): read-only tools ${tools}; tools/list shows only the tools of the caller's role, the same minimum as the HTTP route each stands for. Send Authorization: Bearer <API token>.`;
  return (['POST', 'GET', 'DELETE'] as const).map((method) =>
    defineRoute({ method, path: '/mcp', access, summary, handler: (c) => deps.mcp.handle(c.req.raw, principalOf(c).role) }),
  );
}
