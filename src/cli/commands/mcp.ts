import type { Command } from 'commander';
import { runtimeTools, serveMcpStdio } from '../../mcp/index.ts';
import { scrubText } from '../../redaction/index.ts';
import { action, addCommand } from '../define.ts';

/** `opsdesk mcp`: a Model Context Protocol server on stdin/stdout for AI tools (Claude Desktop, IDEs). */
export function registerMcp(program: Command): void {
  addCommand(program, 'mcp', 'Serve the knowledge base and diagnostics to AI tools over MCP (stdio).')
    .action(
      action(async (ctx) => {
        const runtime = await ctx.runtime();
        await runtime.kb();
        ctx.stderr(`opsdesk mcp: serving on stdio (data dir ${runtime.config.dataDir})\n`);
        await serveMcpStdio({ tools: runtimeTools(runtime), redact: scrubText });
      }),
    );
}
