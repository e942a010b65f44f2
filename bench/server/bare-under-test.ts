/**
 * The baseline: bare Express 5 + Handlebars rendering the same results page, and nothing else
 * (no sessions, no security headers, no logging, no SIS, no audit). The page's model is taken from
 * a real render: the gateway (over the demo mock, in memory) renders demo.ouder's first child's
 * results once while its view engine is watched; the bare server then renders that template with
 * that model through the same engine (same helpers, templates compiled once) on every request.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createViewEngine, type ViewEngine } from '../../gateway/views/engine.ts';
import { loginAs } from '../../test/support/agent.ts';
import { createTestApp, DEMO } from '../../test/support/app.ts';

const VIEWS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../views');
/** Express's own render options; the engine drops them anyway. */
const EXPRESS_KEYS = ['settings', '_locals', 'cache'];

export interface BareUnderTest {
  url: string;
  path: string;
  /** Length of the page the gateway rendered, to compare with the bare server's. */
  gatewayPageBytes: number;
  stop(): Promise<void>;
}

async function capturedResultsModel(now: string): Promise<{ model: Record<string, unknown>; bytes: number }> {
  const t = await createTestApp({ now });
  const engines = (t.app as unknown as { engines: Record<string, ViewEngine> }).engines;
  const original = engines['.hbs'] as ViewEngine;
  let model: Record<string, unknown> | undefined;
  engines['.hbs'] = (file, options, callback) => {
    if (file.endsWith(path.join('pages', 'results.hbs'))) model = { ...(options as Record<string, unknown>) };
    original(file, options, callback);
  };
  const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
  const handle = /href="\/kind\/([^"/]+)"/.exec((await agent.get('/')).text)?.[1];
  const page = await agent.get(`/kind/${handle}/resultaten`);
  if (page.status !== 200 || !model) throw new Error(`could not capture the results page (status ${page.status}): ${t.logs().slice(-2000)}`);
  for (const key of EXPRESS_KEYS) delete model[key];
  await t.services.store.close();
  return { model, bytes: Buffer.byteLength(page.text) };
}

export async function startBare(options: { clockStart: string }): Promise<BareUnderTest> {
  const { model, bytes } = await capturedResultsModel(options.clockStart);
  const app = express();
  app.set('x-powered-by', false);
  app.engine('hbs', createViewEngine({ viewsDir: VIEWS_DIR, cache: true }));
  app.set('view engine', 'hbs');
  app.set('views', VIEWS_DIR);
  app.get('/kind/:handle/resultaten', (_req, res) => res.render('pages/results', model));
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    path: '/kind/bare/resultaten',
    gatewayPageBytes: bytes,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
