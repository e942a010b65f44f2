/** Starts an http.Server on a free loopback port; the byte baselines share it. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';

export interface BytesUnderTest {
  url: string;
  stop(): Promise<void>;
}

export async function listenLoopback(server: Server): Promise<BytesUnderTest> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The captured pages (path → bytes), read once at start so every request sends the same Buffer. */
export async function loadPages(pages: ReadonlyArray<{ path: string; file: string }>): Promise<Map<string, Buffer>> {
  return new Map(await Promise.all(pages.map(async (p) => [p.path, await readFile(p.file)] as const)));
}
