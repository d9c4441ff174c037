import { staffRoles, type Role, type StaffRole } from '../auth/index.ts';

/**
 * The HTTP route each MCP tool stands for, and so the lowest role that may use it: MCP never gives a
 * role more than the HTTP API does. src/mcp/tests/tool-access.test.ts checks every row against the
 * route's declared access.
 */
export const toolAccess = {
  kb_search: { http: 'GET /api/kb/search', minRole: 'viewer' },
  kb_get_article: { http: 'GET /api/kb/articles/:slug', minRole: 'viewer' },
  diagnose_transaction: { http: 'POST /api/diagnose/tx', minRole: 'agent' },
  inspect_address: { http: 'POST /api/address/inspect', minRole: 'agent' },
  // Offline, but it is the address check of POST /api/address/inspect; no HTTP route is narrower.
  validate_address: { http: 'POST /api/address/inspect', minRole: 'agent' },
  triage_text: { http: 'POST /api/triage', minRole: 'agent' },
  // Open incidents are the internal list (unpublished titles included), not the public status page.
  service_status: { http: 'GET /api/incidents', minRole: 'viewer' },
  incident_status: { http: 'GET /api/incidents/:id', minRole: 'viewer' },
} as const satisfies Record<string, { http: string; minRole: StaffRole }>;

export type ToolName = keyof typeof toolAccess;

/** The lowest role that may use a tool; throws for a tool without a row (a new tool must be added on purpose). */
export function toolMinRole(name: string): StaffRole {
  const row = (toolAccess as Record<string, { minRole: StaffRole } | undefined>)[name];
  if (!row) throw new Error(`MCP tool ${name} has no row in src/mcp/tool-access.ts`);
  return row.minRole;
}

/** Whether `role` may use the tool; `ingest` may use none. */
export function mayUseTool(role: Role, name: string): boolean {
  const min = toolMinRole(name);
  return role !== 'ingest' && staffRoles.indexOf(role) >= staffRoles.indexOf(min);
}
