/** The security baseline every response carries. */
import { expect } from 'chai';
import request from 'supertest';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';
import { REQUEST_ID_PATTERN } from '../../gateway/http/request-id.ts';

describe('security headers', () => {
  let t: TestApp;
  before(async () => { t = await createTestApp(); });

  it('sends a strict CSP on every page', async () => {
    for (const path of ['/inloggen', '/does-not-exist']) {
      const res = await request(t.app).get(path);
      const csp = res.headers['content-security-policy'] as string;
      expect(csp, path).to.include("default-src 'none'").and.include("script-src 'self'").and.include("style-src 'self'")
        .and.include("base-uri 'none'").and.include("frame-ancestors 'none'").and.include("object-src 'none'");
      expect(csp).not.to.include('unsafe-inline');
      expect(res.headers['x-content-type-options']).to.equal('nosniff');
      expect(res.headers['referrer-policy']).to.equal('no-referrer');
      expect(res.headers['x-powered-by']).to.equal(undefined);
    }
  });

  it('marks personal pages no-store and every response with a request id', async () => {
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const dash = await agent.get('/');
    const link = /href="(\/kind\/[^"]+)"/.exec(dash.text)![1]!;
    for (const path of ['/', link, `${link}/absenties`, `${link}/resultaten`, '/account']) {
      const res = await agent.get(path);
      expect(res.status, path).to.equal(200);
      expect(res.headers['cache-control'], path).to.equal('no-store');
      // Nothing keeps a no-store page, so nothing revalidates it: no hash of its body either.
      expect(res.headers.etag, path).to.equal(undefined);
      expect(res.headers['x-request-id'], path).to.match(REQUEST_ID_PATTERN);
    }
  });

  it('shows a generic error page with the request id and no internals', async () => {
    const res = await request(t.app).get('/kind/zzzzzzzzzzzzzzzz');
    expect(res.status).to.equal(303); // not logged in: to the login page first
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const missing = await agent.get('/kind/zzzzzzzzzzzzzzzz');
    expect(missing.status).to.equal(404);
    expect(missing.text).to.include(missing.headers['x-request-id']);
    expect(missing.text).not.to.match(/at .*\.ts:\d+/);
  });
});
