import { defineRoute, type RouteDef } from '../route.ts';

/** Renders an OpenAPI 3.1 document from the route definitions themselves. */
export function renderOpenApi(routes: readonly RouteDef[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    paths[path] ??= {};
    paths[path][r.method.toLowerCase()] = {
      summary: r.summary,
      ...(params.length ? { parameters: params } : {}),
      ...('public' in r.access ? { security: [] } : { 'x-opsdesk-roles': r.access.roles }),
      responses: {
        default: { description: 'Errors are application/problem+json (RFC 9457).', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'OpsDesk API', version: '0.1.0', description: 'Every route except the listed public ones needs a session cookie (console) or `Authorization: Bearer <API token>`.' },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'opsdesk_session' } },
      schemas: {
        Problem: {
          type: 'object',
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, code: { type: 'string' }, hints: { type: 'array', items: { type: 'string' } }, requestId: { type: 'string' } },
        },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
  };
}

export function openApiRoute(routes: () => readonly RouteDef[]): RouteDef {
  return defineRoute({
    method: 'GET',
    path: '/api/openapi.json',
    access: { public: true, reason: 'describes the API shape only; no data' },
    summary: 'The OpenAPI document of this server.',
    handler: (c) => c.json(renderOpenApi(routes())),
  });
}
