/**
 * The privacy page (issue #15, item 5): nl/en, from the school's config with defaults, the
 * retention table filled from the same config the nightly purge uses, linked from every footer and
 * from the help page.
 */
import { expect } from 'chai';
import request from 'supertest';
import { createTestApp, DEMO } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, ' ');

describe('the privacy page', function () {
  this.timeout(20_000);

  it('names the school and its FG, and fills the retention table from config (nl), without a login', async () => {
    const t = await createTestApp({
      values: {
        privacy: { controller: 'Stichting Leemdijk Onderwijs', contactEmail: 'privacy@debron.example', dpo: { name: 'M. de Vries', email: 'fg@leemdijk.example' } },
        audit: { retention: '180d' }, retention: { cacheUnused: '14d', disabledAccounts: '200d', parkedMail: '45d', calendarVersions: '400d' },
      },
    });
    const res = await request(t.app).get('/privacy');
    expect(res.status).to.equal(200);
    const text = textOf(res.text);
    expect(text).to.include('Verantwoordelijk voor uw gegevens en die van uw kind is Stichting Leemdijk Onderwijs.');
    expect(text).to.include('privacy@debron.example');
    expect(text).to.include('Functionaris gegevensbescherming (FG): M. de Vries, fg@leemdijk.example');
    expect(text).to.match(/Het logboek: wie welke gegevens van uw kind bekeek of wijzigde, en wanneer .* 180 dagen/);
    expect(text).to.include('14 dagen na het laatste gebruik');
    expect(text).to.include('daarna wordt het account uitgeschakeld en 200 dagen later verwijderd');
    expect(text).to.include('E-mails die niet verstuurd konden worden (versleuteld opgeslagen) Zodat de administratie ze opnieuw kan versturen 45 dagen nadat het versturen is gestopt');
    expect(text).to.include('400 dagen; de geldende versie blijft altijd');
    expect(text).to.include('365 dagen nadat de school erover heeft besloten');
    expect(text).to.include('Tot de sessie verloopt (na 30 minuten zonder gebruik, uiterlijk na 12 uur)');
  });

  it('defaults to the school when the config says nothing, and speaks English', async () => {
    const t = await createTestApp();
    const res = await request(t.app).get('/privacy').set('Cookie', 'lang=en');
    const text = textOf(res.text);
    expect(text).to.include(`Responsible for your data and your child's is ${t.services.config.school.name}.`);
    expect(text).to.include('What the portal keeps, why and for how long');
    expect(text).to.match(/The log: who viewed or changed your child's data, and when .* 365 days/);
  });

  it('is linked from the footer of every page and from the help page', async () => {
    const t = await createTestApp();
    const login = await request(t.app).get('/inloggen');
    expect(login.text).to.include('<a href="/privacy">Privacy</a>');
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    for (const path of ['/', '/hulp', '/account']) expect((await agent.get(path)).text, path).to.include('<a href="/privacy">Privacy</a>');
    expect((await agent.get('/hulp')).text).to.include('<a href="/privacy">Alles over privacy in het ouderportaal</a>');
    expect((await agent.get('/privacy')).text).to.include('href="/mijn-gegevens"');
  });
});
