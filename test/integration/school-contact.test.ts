/**
 * Issue 22 item 1: every "contact the administration" message, the help page and the footer show
 * how to reach the school (config school.contact and school.supportEmail), in the page's language.
 */
import { expect } from 'chai';
import request from 'supertest';
import { createTestApp, csrfFrom, DEMO } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';
import { schoolContactView } from '../../gateway/school/contact-view.ts';

const PHONE_LINK = '<a href="tel:0301234567">030 123 45 67</a>';
const MAIL_LINK = '<a href="mailto:administratie@debron.example">administratie@debron.example</a>';

/** The contact blocks of a page: the text of each <address class="school-contact">. */
function contactBlocks(html: string): string[] {
  return [...html.matchAll(/<address class="school-contact">([\s\S]*?)<\/address>/g)].map((m) => m[1]!);
}

describe('the school\'s contact on the pages (issue 22 item 1)', function () {
  this.timeout(30_000);

  it('follows the login page\'s "contact the administration" and sits in its footer, in Dutch and English', async () => {
    const t = await createTestApp();
    const nl = await request(t.app).get('/inloggen');
    const blocks = contactBlocks(nl.text);
    expect(blocks, 'after the trouble text and in the footer').to.have.length(2);
    for (const block of blocks) {
      expect(block).to.include(PHONE_LINK).and.include(MAIL_LINK).and.include('Bronlaan 12, 3512 AB Utrecht');
      expect(block).to.include('maandag tot en met vrijdag van 8.00 tot 16.30 uur');
    }
    expect(nl.text.indexOf('Neem contact op met de administratie')).to.be.below(nl.text.indexOf('<address class="school-contact">'));
    const en = await request(t.app).get('/inloggen').set('Cookie', 'lang=en');
    expect(contactBlocks(en.text)[0]).to.include('Office hours: Monday to Friday, 8:00 to 16:30').and.include('Phone:');
  });

  it('follows the password-reset messages: the "no mail?" hint and the expired link', async () => {
    const t = await createTestApp();
    const agent = request.agent(t.app);
    const form = await agent.get('/wachtwoord-vergeten');
    const sent = await agent.post('/wachtwoord-vergeten').type('form').send({ _csrf: csrfFrom(form.text), email: 'niemand@example.com' });
    expect(contactBlocks(sent.text)).to.have.length(2);
    expect(sent.text).to.include(PHONE_LINK);
    const invalid = await agent.get('/wachtwoord-herstellen?token=bestaat-niet');
    expect(invalid.text).to.include('Deze link werkt niet');
    expect(contactBlocks(invalid.text)).to.have.length(2);
  });

  it('is on the help page under its own heading, and follows the absences page\'s questions line', async () => {
    const t = await createTestApp();
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const help = await agent.get('/hulp');
    expect(help.text).to.match(/<h2 id="contact-heading">Contact met de school<\/h2>\s*<address class="school-contact">/);
    expect(contactBlocks(help.text)[0]).to.include(PHONE_LINK);
    const dashboard = await agent.get('/');
    const child = /href="(\/kind\/[^"]+)"/.exec(dashboard.text)![1]!;
    const absences = await agent.get(`${child}/absenties`);
    expect(absences.status).to.equal(200);
    const questions = absences.text.indexOf('Vragen over een absentie?');
    expect(questions).to.be.above(0);
    expect(absences.text.slice(questions)).to.match(/^[^<]*<\/p>\s*<address class="school-contact">/);
  });

  it('shows nothing at all when the school configured no contact', async () => {
    expect(schoolContactView({})).to.equal(undefined);
    const t = await createTestApp();
    t.app.locals.schoolContact = schoolContactView({});
    const login = await request(t.app).get('/inloggen');
    expect(login.status).to.equal(200);
    expect(contactBlocks(login.text)).to.deep.equal([]);
  });

  it('refuses a phone number that is not one, naming the key', async () => {
    let message = '';
    try {
      await createTestApp({ values: { school: { contact: { phone: 'bel ons' } } } });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).to.include('school.contact.phone');
  });
});
