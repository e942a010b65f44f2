/**
 * Issue 22 item 7: the error summary above a refused form names each field in plain words and
 * links to it (the GOV.UK error-summary pattern), instead of "Er is iets niet goed gegaan".
 */
import { expect } from 'chai';
import { createTestApp, csrfFrom, DEMO } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';

const summaryOf = (html: string) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '';

describe('the error summary names and links each field (issue 22 item 7)', function () {
  this.timeout(30_000);

  it('on the first-login form: each field\'s label and message, with the numbers the field uses, linked to the field', async () => {
    const t = await createTestApp();
    const { agent } = await loginAs(t, DEMO.firstLogin.username, DEMO.firstLogin.secret);
    const form = await agent.get('/eerste-keer');
    const res = await agent.post('/eerste-keer').type('form')
      .send({ _csrf: csrfFrom(form.text), newPassword: 'te kort', confirmPassword: 'anders', username: 'X' });
    expect(res.status).to.equal(422);
    const summary = summaryOf(res.text);
    expect(summary).to.include('<h2 id="error-summary-heading">Nog niet alles is goed ingevuld</h2>');
    expect(summary).not.to.include('Er is iets niet goed gegaan');
    expect(summary).to.include('<a href="#field-newPassword">Nieuw wachtwoord: Kies een wachtwoord van minstens 15 tekens.');
    expect(summary).to.match(/<a href="#field-confirmPassword">Nieuw wachtwoord nog een keer: [^<]+<\/a>/);
    // Every link points at a field that is on the page.
    for (const [, id] of summary.matchAll(/href="#([^"]+)"/g)) expect(res.text).to.include(`<input id="${id}"`);
    const username = await agent.post('/eerste-keer').type('form')
      .send({ _csrf: csrfFrom(res.text), newPassword: 'te kort', confirmPassword: 'te kort', username: 'X' });
    expect(summaryOf(username.text)).to.match(/<a href="#field-username">Gebruikersnaam: [^<]*\d[^<]*<\/a>/);
  });

  it('in English too', async () => {
    const t = await createTestApp();
    const { agent } = await loginAs(t, DEMO.firstLogin.username, DEMO.firstLogin.secret);
    const form = await agent.get('/eerste-keer').set('Cookie', 'lang=en');
    const res = await agent.post('/eerste-keer').set('Cookie', 'lang=en').type('form')
      .send({ _csrf: csrfFrom(form.text), newPassword: 'too short', confirmPassword: 'too short' });
    const summary = summaryOf(res.text);
    expect(summary).to.include('Some answers need a change');
    expect(summary).to.match(/<a href="#field-newPassword">New password: [^<]*15[^<]*<\/a>/);
  });
});
