import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { UsageError } from '../core/errors.js';
import { SECURITY_HEADERS, type DashboardApp } from './app.js';
import { allowedHosts, hostAllowed, parseTarget } from './request-guard.js';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Host names accepted besides the bound address (`--allow-host`, e.g. a reverse proxy's name). */
  readonly allowHosts?: readonly string[];
}

/**
 * Listens on host:port (port 0 picks a free one) and resolves once it accepts
 * connections. Before any routing, a request must have a target that parses
 * and a Host header naming this server (else 400/421): no request can crash
 * the process, and a page of a DNS-rebound name never gets its CSRF token.
 */
export function startServer(
  dashboard: DashboardApp,
  host: string,
  port: number,
  opts: ServerOptions = {},
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const route = getRequestListener(dashboard.app.fetch);
    const allowed = allowedHosts(host, opts.allowHosts ?? []);
    const refuse = (res: import('node:http').ServerResponse, status: number, text: string) => {
      res.writeHead(status, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/plain; charset=UTF-8',
        Connection: 'close',
      });
      res.end(`${text}\n`);
    };
    // a page view already rendered is sent straight from the cache; everything else goes through the app
    const server = createServer((req, res) => {
      const target = parseTarget(req.url);
      if (!target.ok) {
        refuse(res, 400, `bad request: ${target.reason}`);
        return;
      }
      const hostHeader = req.headers.host;
      if (!hostHeader) {
        refuse(res, 400, 'bad request: no Host header');
        return;
      }
      if (
        !hostAllowed(hostHeader, allowed) ||
        (target.host && !hostAllowed(target.host, allowed))
      ) {
        refuse(
          res,
          421,
          'this server does not answer for that host name (see liaison serve --allow-host)',
        );
        return;
      }
      req.url = target.path;
      const hit = req.method === 'GET' ? dashboard.cachedPage(target.path) : undefined;
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
