import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { Role } from '../auth/index.ts';
import { isOpsError } from '../core/index.ts';
import { mayUseTool, toolAccess, toolMinRole } from './tool-access.ts';
import type { ToolSpec } from './tools.ts';

export interface McpServerDeps {
  tools: readonly ToolSpec[];
  /** Masks secrets in every string of every tool output (redaction's scrubText). */
  redact: (text: string) => string;
  /** The caller's role (HTTP): only the tools it may use are listed and run. Absent for stdio, where the local operator owns the data dir. */
  role?: Role;
  version?: string;
}

type ListTools = (request: unknown, extra: unknown) => Promise<{ tools: Array<{ name: string }> }>;

/** Builds an MCP server exposing the given read-only tools; every output passes through redaction. */
export function createMcpServer(deps: McpServerDeps): McpServer {
  const server = new McpServer({ name: 'opsdesk', version: deps.version ?? '0.1.0' }, { capabilities: { tools: {} } });
  const role = deps.role;
  for (const spec of deps.tools) {
    const allowed = role === undefined || mayUseTool(role, spec.name);
    toolMinRole(spec.name);
    server.registerTool(
      spec.name,
      { title: spec.title, description: spec.description, inputSchema: spec.input, annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: false } },
      async (args: Record<string, unknown>) => {
        if (!allowed) return { isError: true, content: [{ type: 'text' as const, text: refusal(spec.name, role) }] };
        try {
          const value = redactDeep(await spec.run(args as never), deps.redact);
          return { content: [{ type: 'text' as const, text: JSON.stringify(value, null, 2) }] };
        } catch (err) {
          const message = isOpsError(err) ? [err.shortMessage, ...err.metaMessages].join('\n') : 'The tool failed unexpectedly.';
          return { isError: true, content: [{ type: 'text' as const, text: deps.redact(message) }] };
        }
      },
    );
  }
  if (role !== undefined) listOnlyAllowed(server, role);
  return server;
}

function refusal(name: string, role: Role | undefined): string {
  const row = toolAccess[name as keyof typeof toolAccess];
  return `Forbidden: ${name} needs the ${row.minRole} role or higher (your token's role is ${role ?? 'none'}), the same as ${row.http} over HTTP. Ask an admin for a token with that role.`;
}

/**
 * Hides the tools above the caller's role from tools/list. Refused tools stay registered so that a
 * call answers with a clear refusal instead of "not found". The SDK keeps handlers in a private map:
 * fail closed if that ever changes.
 */
function listOnlyAllowed(server: McpServer, role: Role): void {
  const handlers = (server.server as unknown as { _requestHandlers?: Map<string, ListTools> })._requestHandlers;
  const list = handlers?.get('tools/list');
  if (!list) throw new Error('the MCP SDK no longer exposes its tools/list handler; cannot filter tools by role');
  server.server.setRequestHandler(ListToolsRequestSchema, async (request, extra) => {
    const res = await list(request, extra);
    return { ...res, tools: res.tools.filter((t) => mayUseTool(role, t.name)) } as never;
  });
}

/** Applies `redact` to every string in a JSON-able value (bigints become strings). */
export function redactDeep(value: unknown, redact: (text: string) => string): unknown {
  if (typeof value === 'string') return redact(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redact));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = redactDeep(v, redact);
    return out;
  }
  return value;
}
