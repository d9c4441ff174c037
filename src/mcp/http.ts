import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { Role, StaffRole } from '../auth/index.ts';
import { createMcpServer, type McpServerDeps } from './server.ts';
import { toolMinRole } from './tool-access.ts';

/** The /mcp endpoint: answers requests for a caller's role and says which tools exist for whom. */
export interface McpHttpEndpoint {
  handle: (request: Request, role: Role) => Promise<Response>;
  tools: ReadonlyArray<{ name: string; minRole: StaffRole }>;
}

/**
 * Answers one MCP Streamable HTTP request statelessly: a fresh server and transport per request, JSON
 * responses, no session. Stateless keeps replicas behind a load balancer interchangeable.
 */
export function createMcpHttpHandler(deps: () => Omit<McpServerDeps, 'role'>): McpHttpEndpoint {
  return {
    tools: deps().tools.map((t) => ({ name: t.name, minRole: toolMinRole(t.name) })),
    handle: async (request, role) => {
      const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true });
      const server = createMcpServer({ ...deps(), role });
      await server.connect(transport);
      try {
        return await transport.handleRequest(request);
      } finally {
        void server.close();
      }
    },
  };
}
