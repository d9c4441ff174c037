import type { HttpDeps } from '../deps.ts';
import type { RouteDef } from '../route.ts';
import { authRoutes } from './auth.ts';
import { chainsRoutes } from './chains.ts';
import { communityRoutes } from './community.ts';
import { consoleSettingsRoutes } from './console-settings.ts';
import { escalationsRoutes } from './escalations.ts';
import { incidentsRoutes } from './incidents.ts';
import { kbRoutes } from './kb.ts';
import { mcpRoutes } from './mcp.ts';
import { monitorRoutes } from './monitor.ts';
import { openApiRoute } from './openapi.ts';
import { apiDocsRoute } from './api-docs.ts';
import { pageRoutes } from './pages.ts';
import { paymentsRoutes } from './payments.ts';
import { statusPageRoutes } from './status-page.ts';
import { systemRoutes } from './system.ts';
import { telemetryRoutes } from './telemetry.ts';
import { ticketRoutes } from './tickets.ts';
import { queueRoutes } from './queue.ts';
import { queueViewRoutes } from './queue-views.ts';
import { ticketClusterRoutes } from './ticket-clusters.ts';
import { ticketReplyRoutes } from './ticket-replies.ts';

/** Every route of the server. Each domain contributes one `<domain>Routes(deps)` list here. */
export function allRoutes(deps: HttpDeps): RouteDef[] {
  const routes: RouteDef[] = [...systemRoutes(deps), ...authRoutes(deps), ...pageRoutes(), ...incidentsRoutes(deps), ...statusPageRoutes(deps), ...telemetryRoutes(deps), ...chainsRoutes(deps), ...kbRoutes(deps), ...mcpRoutes(deps), ...ticketRoutes(deps), ...monitorRoutes(deps), ...paymentsRoutes(deps), ...communityRoutes(deps), ...queueRoutes(deps), ...ticketClusterRoutes(deps), ...ticketReplyRoutes(deps), ...escalationsRoutes(deps), ...consoleSettingsRoutes(deps), ...queueViewRoutes(deps)];
  routes.push(openApiRoute(() => routes), apiDocsRoute(() => routes));
  return routes;
}
