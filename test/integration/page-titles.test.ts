/**
 * Issue 22 item 9 (WCAG 2.4.2): every page title names the page and the school — the login,
 * first-login and error pages too, which used to say only "De Bron".
 */
import { expect } from 'chai';
import request from 'supertest';
import { createTestApp, csrfFrom, DEMO } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';
import { absencesDuringOutage } from './outage-page.support.ts';

export function titleOf(html: string): string {
  return (/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '').replace(/&amp;/g, '&');
}

describe('page titles name the page and the school (issue 22 item 9)', function () {
  this.timeout(30_000);

  it('the login page, in Dutch and English', async () => {
    const t = await createTestApp();
    expect(titleOf((await request(t.app).get('/inloggen')).text)).to.equal('Inloggen – De Bron');
    expect(titleOf((await request(t.app).get('/inloggen').set('Cookie', 'lang=en')).text)).to.equal('Log in – De Bron');
    const page = await request.agent(t.app).get('/inloggen');
    expect(titleOf(page.text)).to.equal('Inloggen – De Bron');
  });

  it('the first-login page, also when it comes back with an error', async () => {
    const t = await createTestApp();
    const { agent, location } = await loginAs(t, DEMO.firstLogin.username, DEMO.firstLogin.secret);
    expect(location).to.equal('/eerste-keer');
    const form = await agent.get('/eerste-keer');
    expect(titleOf(form.text)).to.equal('Eerste keer inloggen – De Bron');
    const refused = await agent.post('/eerste-keer').type('form').send({ _csrf: csrfFrom(form.text), newPassword: 'kort', confirmPassword: 'kort' });
    expect(refused.status).to.equal(422);
    expect(titleOf(refused.text)).to.equal('Eerste keer inloggen – De Bron');
  });

  it('the 404 page, in Dutch and English', async () => {
    const t = await createTestApp();
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const missing = await agent.get('/kind/onbekend');
    expect(missing.status).to.equal(404);
    expect(titleOf(missing.text)).to.equal('Pagina niet gevonden – De Bron');
    expect(titleOf((await agent.get('/bestaat-niet').set('Cookie', 'lang=en')).text)).to.equal('Page not found – De Bron');
  });

  it('the 403 page (a form posted without its token)', async () => {
    const t = await createTestApp();
    const res = await request(t.app).post('/inloggen').type('form').send({ username: 'x', password: 'y' });
    expect(res.status).to.equal(403);
    expect(titleOf(res.text)).to.equal('Geweigerd – De Bron');
  });

  it('the 503 page when the SIS is down and nothing is cached', async () => {
    const { res } = await absencesDuringOutage();
    expect(res.status).to.equal(503);
    expect(titleOf(res.text)).to.equal('Even niet beschikbaar – De Bron');
  });
});
