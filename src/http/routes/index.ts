import type { HttpDeps } from '../deps.ts';
import type { RouteDef } from '../route.ts';
import { authRoutes } from './auth.ts';
import { pageRoutes } from './pages.ts';
import { systemRoutes } from './system.ts';

/** Every route of the server. Each domain contributes one `<domain>Routes(deps)` list here. */
export function allRoutes(deps: HttpDeps): RouteDef[] {
  return [...systemRoutes(deps), ...authRoutes(deps), ...pageRoutes()];
}
