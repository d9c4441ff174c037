export { buildApp, type BuiltApp } from './app.ts';
export { allRoutes } from './routes/index.ts';
export { listen, PortInUseError, type RunningServer } from './server.ts';
export { statusOf, toProblem, type Problem } from './problem.ts';
export { defineRoute, principalOf, type RouteDef, type Access, type Method } from './route.ts';
export { readJson, parseWith } from './read-json.ts';
export type { HttpDeps } from './deps.ts';
export type { AppEnv } from './env.ts';
