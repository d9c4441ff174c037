import type { Context } from 'hono';
import { atLeast } from '../../auth/index.ts';
import { queryFromParams, queryKinds, TelemetryPayloadTooLargeError, type FlatParams, type OtlpSignal, type QueryKind } from '../../telemetry/index.ts';
import type { HttpDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { toProblem } from '../problem.ts';
import { defineRoute, type RouteDef } from '../route.ts';

const signals: OtlpSignal[] = ['logs', 'metrics', 'traces'];

/** Reads the raw body, refusing (413) anything over the cap before buffering it all. */
async function readCapped(c: Context<AppEnv>, cap: number): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > cap) throw new TelemetryPayloadTooLargeError(cap);
  const body = c.req.raw.body;
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel();
      throw new TelemetryPayloadTooLargeError(cap);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** OTLP/HTTP receiver (`/v1/logs|metrics|traces`) and the telemetry query API (`/api/telemetry/…`). */
export function telemetryRoutes(deps: HttpDeps): RouteDef[] {
  const otlp = signals.map((signal) =>
    defineRoute({
      method: 'POST',
      path: `/v1/${signal}`,
      access: { roles: ['ingest', 'admin'] },
      summary: `OTLP/HTTP ${signal} export (JSON or protobuf, optionally gzip); answers once the records are durable.`,
      handler: async (c) => {
        try {
          const body = await readCapped(c, deps.config.telemetry.maxRequestBytes);
          const res = await (await deps.telemetry()).ingestOtlp(signal, body, c.req.header('content-type'), c.req.header('content-encoding'));
          return c.body(typeof res.body === 'string' ? res.body : Buffer.from(res.body), 200, { 'content-type': res.contentType });
        } catch (err) {
          if (!(err instanceof TelemetryPayloadTooLargeError)) throw err;
          const problem = toProblem(err, c.get('requestId') ?? 'none', 413);
          return c.body(JSON.stringify(problem), 413, { 'content-type': 'application/problem+json' });
        }
      },
    }),
  );
  const queries = queryKinds.map((kind: QueryKind) =>
    defineRoute({
      method: 'GET',
      path: `/api/telemetry/${kind}`,
      access: { roles: atLeast('agent') },
      summary: `Telemetry ${kind} query (parameters as in docs/telemetry.md).`,
      handler: async (c) => {
        const params: FlatParams = c.req.queries() as FlatParams;
        const parsed = queryFromParams(kind, params, deps.clock.now());
        return c.json(await (await deps.telemetry()).run(parsed));
      },
    }),
  );
  return [
    ...otlp,
    ...queries,
    defineRoute({
      method: 'GET',
      path: '/api/telemetry/stats',
      access: { roles: atLeast('agent') },
      summary: 'Rows, size and time span of the telemetry store, and rows waiting for the writer.',
      handler: async (c) => {
        const t = await deps.telemetry();
        return c.json({ ...(await t.store.stats()), pendingRows: t.writer.pendingRows, store: t.store.describe });
      },
    }),
  ];
}
