import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { UsageError } from '../core/errors.js';
import type { DashboardApp } from './app.js';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 picks a free one) and resolves once it accepts connections. */
export function startServer(
  dashboard: DashboardApp,
  host: string,
  port: number,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: dashboard.app.fetch, hostname: host, port },
      (info: AddressInfo) => {
        const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        const url = `http://${shown}:${info.port}`;
        resolve({
          url,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => {
                done();
              });
              (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            }),
        });
      },
    );
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE')
        reject(new UsageError(`${host}:${port} is already in use; choose another --port`));
      else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND')
        reject(new UsageError(`--host ${host}: not an address of this machine`));
      else reject(e);
    });
  });
}
