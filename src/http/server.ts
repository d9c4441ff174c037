import { serve, type ServerType } from '@hono/node-server';
import { OpsError } from '../core/index.ts';
import type { Hono } from 'hono';
import type { AppEnv } from './env.ts';

export class PortInUseError extends OpsError {
  override name = 'PortInUseError';
  constructor(host: string, port: number, cause: unknown) {
    super(`Port ${port} on ${host} is already in use.`, {
      code: 'UNAVAILABLE',
      cause,
      metaMessages: [`Stop the other process, or choose another port with --port or OPSDESK_SERVER_PORT.`],
      docsPath: 'port-in-use',
      retryable: false,
    });
  }
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Listens on host:port; resolves once listening, rejects with a clear error when it cannot. */
export function listen(app: Hono<AppEnv>, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') reject(new PortInUseError(host, port, err));
      else if (err.code === 'EACCES') reject(new OpsError(`Not allowed to listen on ${host}:${port}.`, { code: 'UNAVAILABLE', cause: err, metaMessages: ['Use a port above 1024 or run with the needed privileges.'] }));
      else reject(new OpsError(`Cannot listen on ${host}:${port}.`, { code: 'UNAVAILABLE', cause: err }));
    };
    const server: ServerType = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
      server.off('error', onError);
      resolve({
        port: info.port,
        close: () => new Promise<void>((r) => { server.close(() => r()); (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.(); }),
      });
    });
    server.once('error', onError);
  });
}
