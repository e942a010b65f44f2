/**
 * The school year: the parent's page lists the school's items (config schoolYear.items) and the
 * portal's openings, narrowed to the groups of their children; the public iCalendar feed needs no
 * login, sets no cookie, parses back as RFC 5545 (ical.js) and holds no personal data.
 */
import { expect } from 'chai';
import ICAL from 'ical.js';
import request from 'supertest';
import { displayName } from '../../gateway/routes/parent/view-models/person-name.ts';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';

describe('the school year page and its iCalendar feed', function () {
  this.timeout(30_000);
  let t: TestApp;

  beforeEach(async () => { t = await createTestApp(); });

  it('serves a valid feed without login or cookie, with every item and no personal data', async () => {
    const res = await request(t.app).get('/schooljaar.ics');
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.match(/^text\/calendar/);
    expect(res.headers['set-cookie']).to.equal(undefined);
    expect(res.headers['cache-control']).to.equal('public, max-age=3600');
    expect((await request(t.app).get('/schooljaar.ics').set('If-None-Match', res.headers.etag as string)).status).to.equal(304);

    const calendar = new ICAL.Component(ICAL.parse(res.text));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const byUid = new Map(events.map((e) => [e.uid.split('@')[0], e]));
    const christmas = byUid.get('kerstvakantie')!;
    expect(christmas.summary).to.equal('Kerstvakantie');
    expect(christmas.startDate.isDate).to.equal(true);
    expect(christmas.startDate.toString()).to.equal('2026-12-19');
    // DTEND is exclusive: the holiday runs up to and including 3 January.
    expect(christmas.endDate.toString()).to.equal('2027-01-04');
    expect(byUid.get('ouderavond-groep-8')!.summary).to.equal('Adviesgesprekken groep 8 (groep 8)');
    expect(byUid.get('portal-resultaten')!.summary).to.include('Ouderportaal open: Methodetoetsen en LVS-toetsen');
    expect(events.length).to.equal(t.services.config.schoolYear.items!.length + 5 + 2);

    // No child, parent or teacher of the school appears in it.
    for (const account of await t.services.store.accounts.list()) {
      const guardian = (await t.services.sis.getGuardian(account.guardianId)).value;
      expect(res.text).not.to.include(guardian.name.family);
      if (account.email) expect(res.text).not.to.include(account.email);
      for (const id of account.studentIds ?? []) {
        const student = (await t.services.sis.getStudent(id)).value;
        expect(res.text).not.to.include(displayName(student.name));
        for (const teacher of student.teachers) expect(res.text).not.to.include(teacher.name.family);
      }
    }
  });

  it('is not there when schoolYear.feed is off', async () => {
    const off = await createTestApp({ values: { schoolYear: { feed: false } } });
    const res = await request(off.app).get('/schooljaar.ics');
    expect(res.status).to.not.equal(200);
  });

  it('shows the parent the whole-school items and those of their children\'s groups only', async () => {
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const account = (await t.services.store.accounts.findByUsername(DEMO.parent.username))!;
    const groups = new Set<number>();
    for (const id of account.studentIds!) for (const g of (await t.services.sis.getStudent(id)).value.group?.jaargroepen ?? []) groups.add(g);
    const page = await agent.get('/schooljaar');
    expect(page.status).to.equal(200);
    expect(page.text).to.include('Kerstvakantie').and.include('Tienminutengesprekken').and.include('Ouderportaal open');
    expect(page.text).to.include('/schooljaar.ics');
    if (groups.has(8)) expect(page.text).to.include('Adviesgesprekken groep 8');
    else expect(page.text).not.to.include('Adviesgesprekken groep 8');
    const audit = await t.services.store.audit.query({});
    expect(audit.filter((a) => a.section === 'school-year')).to.have.length(account.studentIds!.length);
  });

  it('is closed before the calendar opens it', async () => {
    t.clock.set('2026-12-01T10:00:00+01:00');
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const page = await agent.get('/schooljaar');
    expect(page.status).to.equal(403);
    expect(page.text).not.to.include('Kerstvakantie');
  });
});
