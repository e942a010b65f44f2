/**
 * A TCP proxy in front of a real server, to make real network faults: `cut()` drops every
 * connection and refuses new ones (the server is gone), `hang()` accepts and forwards nothing
 * (the server stopped answering), `restore()` forwards again. The port stays the same throughout.
 */
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpProxy {
  port: number;
  cut(): Promise<void>;
  hang(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: 'forward' | 'hang' = 'forward';
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const onConnection = (client: net.Socket) => {
    track(client);
    if (mode === 'hang') return;
    const upstream = net.connect(target.port, target.host);
    track(upstream);
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };
  let server = net.createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const stop = () => new Promise<void>((resolve) => {
    dropAll();
    if (!server.listening) return resolve();
    server.close(() => resolve());
  });
  return {
    port,
    cut: stop,
    hang: () => {
      mode = 'hang';
      dropAll();
    },
    async restore() {
      // Connections accepted while hanging were never forwarded: drop them, the client reconnects.
      if (mode === 'hang') dropAll();
      mode = 'forward';
      if (server.listening) return;
      server = net.createServer(onConnection);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    close: stop,
  };
}
