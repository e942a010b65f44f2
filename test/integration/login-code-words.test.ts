/**
 * Issue 22 item 3: the first login. The login form's field says the code from the mail goes there,
 * the invitation mail names that field in the page's own words, and the code is accepted with or
 * without dashes, in any case, with stray spaces.
 */
import { expect } from 'chai';
import request from 'supertest';
import { createMailRenderer } from '../../gateway/mail/render.ts';
import { createTestApp, DEMO } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');

describe('the first login: where the code goes (issue 22 item 3)', function () {
  this.timeout(30_000);

  it('labels the field "Wachtwoord of inlogcode" with a hint about the code, tied to the field', async () => {
    const t = await createTestApp();
    const page = (await request(t.app).get('/inloggen')).text;
    expect(page).to.include('<label for="field-password">Wachtwoord of inlogcode</label>');
    expect(page).to.include('<p class="hint" id="hint-password">De eerste keer: de inlogcode uit de e-mail van de school, 25 tekens. Streepjes en hoofdletters maken niet uit.</p>');
    expect(page).to.match(/<input id="field-password"[^>]*aria-describedby="hint-password"/);
    const en = (await request(t.app).get('/inloggen').set('Cookie', 'lang=en')).text;
    expect(en).to.include('<label for="field-password">Password or login code</label>');
  });

  for (const [how, typed] of [
    ['as printed', DEMO.firstLogin.secret],
    ['without dashes, in lower case', DEMO.firstLogin.secret.replace(/-/g, '').toLowerCase()],
    ['with spaces instead of dashes and around it', ` ${DEMO.firstLogin.secret.replace(/-/g, ' ')} `],
  ] as const) {
    it(`accepts the code ${how}`, async () => {
      const t = await createTestApp();
      const { status, location } = await loginAs(t, DEMO.firstLogin.username, typed);
      expect(status).to.equal(303);
      expect(location).to.equal('/eerste-keer');
    });
  }

  it('refuses a code with one character wrong', async () => {
    const t = await createTestApp();
    const wrong = DEMO.firstLogin.secret.replace(/.$/, (c) => (c === 'Z' ? 'Y' : 'Z'));
    const { location } = await loginAs(t, DEMO.firstLogin.username, wrong);
    expect(location).not.to.equal('/eerste-keer');
  });

  it('names the login page\'s own fields in the invitation mail, in both languages', async () => {
    const t = await createTestApp();
    const model = { schoolName: 'De Bron', portalUrl: 'http://x/', loginUrl: 'http://x/inloggen', username: 'demo.nieuw', code: 'ABCDE-FGHJK-MNPQR-STWXY-Z2345', expiresAt: '2026-12-21T07:00:00Z' };
    for (const [locale, username, code] of [['nl', 'Gebruikersnaam', 'Wachtwoord of inlogcode'], ['en', 'Username', 'Password or login code']] as const) {
      const page = (await request(t.app).get('/inloggen').set('Cookie', `lang=${locale}`)).text;
      expect(page).to.include(`<label for="field-username">${username}</label>`);
      expect(page).to.include(`<label for="field-password">${code}</label>`);
      const mail = createMailRenderer().render('invitation', locale, model);
      expect(mail.text).to.include(`"${username}"`).and.include(`"${code}"`);
      expect(textOf(mail.html)).to.include(`"${code}"`);
    }
  });
});
