/** /healthz, /readyz and the status page report the store and the SIS circuit, without a login for the probes. */
import { expect } from 'chai';
import request from 'supertest';
import { createTestApp } from '../support/app.ts';
import { operatorLogin } from '../support/operator.ts';

describe('platform health: /healthz, /readyz, /beheer/status', () => {
  it('reports the store ok and the circuit closed, and the status page shows both', async () => {
    const t = await createTestApp();
    expect((await request(t.app).get('/healthz')).body).to.deep.equal({ status: 'ok' });
    const ready = await request(t.app).get('/readyz');
    expect(ready.status).to.equal(200);
    expect(ready.body).to.deep.include({ ready: true });
    expect(ready.body.store.ok).to.equal(true);
    expect(ready.body.circuit).to.deep.include({ state: 'closed', rejected: 0 });
    const { agent } = await operatorLogin(t);
    const status = await agent.get('/beheer/status');
    expect(status.text).to.include('data-circuit="closed"');
    expect(status.text).to.include('Alle opslag wordt weggeschreven.');
  });
});
