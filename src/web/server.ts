import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { UsageError } from '../core/errors.js';
import { SECURITY_HEADERS, type DashboardApp } from './app.js';

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
    const route = getRequestListener(dashboard.app.fetch);
    // a page view already rendered is sent straight from the cache; everything else goes through the app
    const server = createServer((req, res) => {
      const hit = req.method === 'GET' && req.url ? dashboard.cachedPage(req.url) : undefined;
      if (hit) {
        res.writeHead(hit.status, {
          ...SECURITY_HEADERS,
          'Content-Type': 'text/html; charset=UTF-8',
          'Content-Length': hit.bytes.byteLength,
        });
        res.end(hit.bytes);
        return;
      }
      void route(req, res);
    });
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE')
        reject(new UsageError(`${host}:${port} is already in use; choose another --port`));
      else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND')
        reject(new UsageError(`--host ${host}: not an address of this machine`));
      else reject(e);
    });
    server.listen(port, host, () => {
      const info = server.address() as AddressInfo;
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => {
              done();
            });
            server.closeAllConnections();
          }),
      });
    });
  });
}
