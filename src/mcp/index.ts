export { createMcpServer, redactDeep, type McpServerDeps } from './server.ts';
export { createMcpHttpHandler, type McpHttpEndpoint } from './http.ts';
export { mayUseTool, toolAccess, toolMinRole, type ToolName } from './tool-access.ts';
export { serveMcpStdio } from './stdio.ts';
export { kbTools, type ToolSpec } from './tools.ts';
export { incidentTools } from './incident-tools.ts';
export { chainTools } from './chain-tools.ts';
export { triageTools } from './triage-tools.ts';
export { runtimeTools } from './runtime-tools.ts';
