import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { createMcpServer, type McpServerDeps } from './server.ts';

/**
 * Answers one MCP Streamable HTTP request statelessly: a fresh server and transport per request, JSON
 * responses, no session. Stateless keeps replicas behind a load balancer interchangeable.
 */
export function createMcpHttpHandler(deps: () => McpServerDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true });
    const server = createMcpServer(deps());
    await server.connect(transport);
    try {
      return await transport.handleRequest(request);
    } finally {
      void server.close();
    }
  };
}
