import type { HttpDeps } from '../deps.ts';
import type { RouteDef } from '../route.ts';
import { authRoutes } from './auth.ts';
import { openApiRoute } from './openapi.ts';
import { pageRoutes } from './pages.ts';
import { systemRoutes } from './system.ts';

/** Every route of the server. Each domain contributes one `<domain>Routes(deps)` list here. */
export function allRoutes(deps: HttpDeps): RouteDef[] {
  const routes: RouteDef[] = [...systemRoutes(deps), ...authRoutes(deps), ...pageRoutes()];
  routes.push(openApiRoute(() => routes));
  return routes;
}
