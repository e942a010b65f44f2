/**
 * The scrape endpoint, GET /metrics, on a listener of its own (metrics.host:metrics.port, loopback
 * by default), never on the parents' port: what is behind the reverse proxy cannot reach it, and
 * a load balancer in front of several instances does not mix their numbers. Anything else is 404.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './registry.ts';

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

export async function startMetricsServer(
  metrics: Pick<Metrics, 'scrape'>, listen: { host: string; port: number }, logger: { error(obj: object, msg: string): void },
): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    metrics.scrape().then(({ contentType, body }) => {
      res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(body);
    }, (err: unknown) => {
      logger.error({ err }, 'metrics scrape failed');
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Scrape failed\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(
      new Error(`metrics.port: cannot listen on ${listen.host}:${listen.port} (${err.code ?? err.message})`, { cause: err }),
    ));
    server.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = listen.host === '0.0.0.0' ? '127.0.0.1' : listen.host.includes(':') ? `[${listen.host}]` : listen.host;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
