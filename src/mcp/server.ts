import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { isOpsError } from '../core/index.ts';
import type { ToolSpec } from './tools.ts';

export interface McpServerDeps {
  tools: readonly ToolSpec[];
  /** Masks secrets in every string of every tool output (redaction's scrubText). */
  redact: (text: string) => string;
  version?: string;
}

/** Builds an MCP server exposing the given read-only tools; every output passes through redaction. */
export function createMcpServer(deps: McpServerDeps): McpServer {
  const server = new McpServer({ name: 'opsdesk', version: deps.version ?? '0.1.0' }, { capabilities: { tools: {} } });
  for (const spec of deps.tools) {
    server.registerTool(
      spec.name,
      { title: spec.title, description: spec.description, inputSchema: spec.input, annotations: { readOnlyHint: true, destructiveHint: false, openWorldHint: false } },
      async (args: Record<string, unknown>) => {
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
  return server;
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
