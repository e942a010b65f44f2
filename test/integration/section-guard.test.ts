/**
 * The calendar enforced on the server for actions (issue #4): a crafted POST — valid session,
 * valid CSRF token, valid form — to a section the calendar keeps closed is refused and nothing is
 * stored; the same guard is reusable for any route (a download here).
 */
import { expect } from 'chai';
import express from 'express';
import request from 'supertest';
import { guardedSubject, requireSectionOpen } from '../../gateway/http/section-guard.ts';
import type { SectionPolicy } from '../../gateway/routes/parent/index.ts';
import { createTestApp } from '../support/app.ts';
import { tokenFor } from '../support/agent.ts';
import { newFormKey } from '../../gateway/changes/index.ts';
import { parentSession, sendCorrection, storedRequests, submitCalls } from './changes.support.ts';

// config/calendar.yaml: 'changes' opens with the administrative part on 8 December 2026.
const BEFORE_OPENING = '2026-12-07T23:59:00+01:00';
const OPENED = '2026-12-08T00:00:00+01:00';
const ADDRESS = { street: 'Lindelaan', houseNumber: '12', postcode: '1234 AB', city: 'Leemdijk' };

describe('section guard: a crafted POST to a closed section', function () {
  this.timeout(20_000);

  it('is refused with 403 and the closed page, and stores nothing — until the calendar opens the section', async () => {
    const t = await createTestApp({ now: BEFORE_OPENING });
    const parent = await parentSession(t);
    // A real session and a real token, from a page that is open: only the calendar stands in the way.
    const _csrf = await tokenFor(parent.agent, '/account');
    const crafted = { _csrf, formKey: newFormKey(), ...ADDRESS };

    const refused = await parent.agent.post(`/kind/${parent.handle}/wijzigen`).type('form').send(crafted);
    expect(refused.status).to.equal(403);
    expect(refused.text).to.include('Wijzigingen doorgeven: nog niet open');
    expect(refused.headers['cache-control']).to.equal('no-store');
    expect(await t.services.outbox.list()).to.deep.equal([]);
    expect(await storedRequests(t)).to.deep.equal([]);
    expect(await t.services.store.audit.query({ action: 'change.submit' })).to.deep.equal([]);
    await t.services.delivery.runOnce();
    expect(submitCalls(t)).to.deep.equal([]);
    expect(t.logs()).to.include('section closed: request refused');

    const form = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
    expect(form.status, 'the form itself is closed too').to.equal(403);
    expect(form.text).not.to.include('name="formKey"');

    t.clock.set(OPENED);
    await sendCorrection(parent.agent, parent.handle, crafted);
    expect(await t.services.outbox.list()).to.have.length(1);
  });

  it('refuses without a CSRF token before the guard is even asked', async () => {
    const t = await createTestApp({ now: OPENED });
    const parent = await parentSession(t);
    const res = await parent.agent.post(`/kind/${parent.handle}/wijzigen`).type('form').send({ formKey: newFormKey(), ...ADDRESS });
    expect(res.status).to.equal(403);
    expect(await t.services.outbox.list()).to.deep.equal([]);
  });

  it('answers a child that is not the viewer\'s with the one 404, open or closed', async () => {
    const t = await createTestApp({ now: BEFORE_OPENING });
    const parent = await parentSession(t);
    const _csrf = await tokenFor(parent.agent, '/account');
    const other = t.services.handles.handleFor(parent.accountId, 'L1100');
    const res = await parent.agent.post(`/kind/${other}/wijzigen`).type('form').send({ _csrf, formKey: newFormKey(), ...ADDRESS });
    expect(res.status).to.equal(404);
    expect(await t.services.outbox.list()).to.deep.equal([]);
  });
});

describe('section guard: reusable for any route', () => {
  const policy = (open: boolean): SectionPolicy => ({
    isOpen: (_section, { studentJaargroep }) => (open ? { open: true } : { open: false, reopensOn: `2027-0${studentJaargroep}-01` }),
  });

  function downloadApp(open: boolean, refused: string[]) {
    const app = express();
    app.get('/download/:pupil', requireSectionOpen<{ pupil: string }>({
      section: 'results.lvs',
      policy: policy(open),
      capabilities: new Set(['students', 'results.lvs']),
      locate: async (req) => (req.params.pupil === 'known' ? { jaargroep: 5, subject: { pupil: 'known' } } : undefined),
      onRefused: (info) => refused.push(`${info.method} ${info.path} ${info.reopensOn}`),
    }), (_req, res) => {
      res.json(guardedSubject<{ pupil: string }>(res));
    });
    app.use(((err, _req, res, _next) => res.status((err as { statusCode: number }).statusCode).send((err as Error).message)) as express.ErrorRequestHandler);
    return app;
  }

  it('passes what it located on to the handler when the section is open', async () => {
    const res = await request(downloadApp(true, [])).get('/download/known');
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ pupil: 'known' });
  });

  it('refuses a closed section with 403 before the handler runs, and tells why for the logs', async () => {
    const refused: string[] = [];
    const res = await request(downloadApp(false, refused)).get('/download/known');
    expect(res.status).to.equal(403);
    expect(res.text).to.equal('SECTION_CLOSED');
    expect(refused).to.deep.equal(['GET /download/known 2027-05-01']);
  });

  it('gives 404 for a subject it cannot find, without asking the calendar', async () => {
    const refused: string[] = [];
    const res = await request(downloadApp(false, refused)).get('/download/stranger');
    expect(res.status).to.equal(404);
    expect(refused).to.deep.equal([]);
  });

  it('refuses a section the SIS stack cannot offer, open or not', async () => {
    const app = express();
    app.post('/x', requireSectionOpen({
      section: 'absences', policy: policy(true), capabilities: new Set(['students']),
      locate: async () => ({ jaargroep: 3, subject: 1 }),
    }), (_req, res) => void res.send('handled'));
    app.use(((err, _req, res, _next) => res.status((err as { statusCode: number }).statusCode).end()) as express.ErrorRequestHandler);
    expect((await request(app).post('/x')).status).to.equal(403);
  });
});
