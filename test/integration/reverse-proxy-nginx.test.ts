/**
 * The documented deployment, end to end: Debian's nginx (the README's server block, read from the
 * README itself) ends TLS with a certificate made here by openssl, in front of the gateway with
 * `secureCookies: true` and `trustProxy: 1`; a parent logs in through it and gets the `__Host-`
 * cookie. The same nginx in front of a gateway left at `trustProxy: 0` shows the page naming
 * server.trustProxy. nginx runs as a child process (daemon off) with its own prefix in a temp dir,
 * on a random loopback port, and is stopped in after().
 */
import { expect } from 'chai';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect, createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, csrfFrom, DEMO, type TestApp } from '../support/app.ts';

const NGINX = '/usr/sbin/nginx';
const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The nginx server block of the README's deployment section. */
function readmeServerBlock(): string {
  const section = README.slice(README.indexOf('## Deployment behind a reverse proxy'));
  const block = /```nginx\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README: no nginx block in "Deployment behind a reverse proxy"');
  return block;
}

function siteFor(block: string, opts: { port: number; gatewayPort: number; cert: string; key: string }): string {
  const site = block
    .replace(/listen 443 ssl;/, `listen 127.0.0.1:${opts.port} ssl;`)
    .replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${opts.cert};`)
    .replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${opts.key};`)
    .replace(/proxy_pass http:\/\/127\.0\.0\.1:3000;/, `proxy_pass http://127.0.0.1:${opts.gatewayPort};`);
  for (const wanted of [`127.0.0.1:${opts.port} ssl`, opts.cert, opts.key, `:${opts.gatewayPort};`]) {
    if (!site.includes(wanted)) throw new Error(`README nginx block changed shape: could not set ${wanted}`);
  }
  return site;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function listening(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nginx did not listen on ${port}:\n${log()}`);
}

async function listen(t: TestApp): Promise<{ server: Server; port: number }> {
  const server = await new Promise<Server>((resolve) => { const s = t.app.listen(0, '127.0.0.1', () => resolve(s)); });
  return { server, port: (server.address() as AddressInfo).port };
}

const setCookies = (res: { headers: Record<string, unknown> }) => (res.headers['set-cookie'] as string[] | undefined) ?? [];

describe('behind a real nginx (TLS-ending reverse proxy)', function () {
  this.timeout(30_000);
  let dir: string;
  let nginx: ChildProcess | undefined;
  let stderr = '';
  let cert: string;
  let proxied: TestApp;
  let misconfigured: TestApp;
  const servers: Server[] = [];
  let goodPort: number;
  let badPort: number;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ouderpoort-nginx-'));
    const certFile = path.join(dir, 'cert.pem');
    const keyFile = path.join(dir, 'key.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyFile, '-out', certFile,
    ], { stdio: 'ignore' });
    cert = readFileSync(certFile, 'utf8');

    proxied = await createTestApp({ values: { server: { secureCookies: true, trustProxy: 1 } } });
    misconfigured = await createTestApp({ values: { server: { secureCookies: true, trustProxy: 0 } } });
    const good = await listen(proxied);
    const bad = await listen(misconfigured);
    servers.push(good.server, bad.server);
    goodPort = await freePort();
    badPort = await freePort();

    const block = readmeServerBlock();
    const temp = (name: string) => `${name} ${path.join(dir, name)};`;
    const conf = [
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'daemon off;', 'master_process on;', 'worker_processes 1;', `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'error.log')} warn;`,
      'events { worker_connections 64; }',
      'http {',
      'access_log off;',
      temp('client_body_temp_path'), temp('proxy_temp_path'), temp('fastcgi_temp_path'), temp('uwsgi_temp_path'), temp('scgi_temp_path'),
      siteFor(block, { port: goodPort, gatewayPort: good.port, cert: certFile, key: keyFile }),
      siteFor(block, { port: badPort, gatewayPort: bad.port, cert: certFile, key: keyFile }),
      '}',
    ].join('\n');
    const confFile = path.join(dir, 'nginx.conf');
    writeFileSync(confFile, conf);
    nginx = spawn(NGINX, ['-p', dir, '-c', confFile, '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
    nginx.stderr!.on('data', (chunk) => { stderr += String(chunk); });
    const log = () => { try { return stderr + readFileSync(path.join(dir, 'error.log'), 'utf8'); } catch { return stderr; } };
    await listening(goodPort, nginx, log);
    await listening(badPort, nginx, log);
  });

  after(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs a parent in over HTTPS and sets the __Host- session cookie (Secure, HttpOnly, SameSite=Lax, Path=/)', async () => {
    const base = `https://127.0.0.1:${goodPort}`;
    const page = await request(base).get('/inloggen').ca(cert);
    expect(page.status).to.equal(200);
    expect(page.headers['strict-transport-security']).to.match(/max-age=/);
    const csrfCookie = setCookies(page).find((c) => c.startsWith('__Host-ouderpoort-csrf='));
    expect(csrfCookie).to.match(/; Secure/);
    const login = await request(base).post('/inloggen').ca(cert).set('Cookie', csrfCookie!.split(';')[0]!).type('form')
      .send({ _csrf: csrfFrom(page.text), username: DEMO.parent.username, password: DEMO.parent.password });
    expect(login.status).to.equal(303);
    expect(login.headers.location).to.equal('/');
    const session = setCookies(login).find((c) => c.startsWith('__Host-ouderpoort='));
    expect(session).to.be.a('string');
    expect(session).to.match(/; Path=\//).and.match(/; HttpOnly/).and.match(/; Secure/).and.match(/; SameSite=Lax/);
    expect(session).to.not.match(/Domain=/i);
    const home = await request(base).get('/').ca(cert).set('Cookie', session!.split(';')[0]!);
    expect(home.status).to.equal(200);
    expect(home.text).to.include('/kind/');
    // The client address the gateway saw is the one nginx passed on.
    const event = proxied.logs().split('\n').filter((l) => l.includes('"securityEvent":"login"')).map((l) => JSON.parse(l) as { ip: string }).at(-1);
    expect(event?.ip).to.equal('127.0.0.1');
  });

  it('with trustProxy 0 behind the same nginx the login names server.trustProxy instead of failing silently', async () => {
    const base = `https://127.0.0.1:${badPort}`;
    const page = await request(base).get('/inloggen').ca(cert);
    const csrfCookie = setCookies(page).find((c) => c.startsWith('__Host-ouderpoort-csrf='));
    const login = await request(base).post('/inloggen').ca(cert).set('Cookie', (csrfCookie ?? '').split(';')[0]!).type('form')
      .send({ _csrf: csrfFrom(page.text), username: DEMO.parent.username, password: DEMO.parent.password });
    expect(login.status).to.equal(500);
    expect(login.text).to.include('server.trustProxy');
    expect(setCookies(login).some((c) => c.startsWith('__Host-ouderpoort='))).to.equal(false);
  });
});
