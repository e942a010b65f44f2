/**
 * Issue 22's smaller items, where they are texts: "Officiële naam" for one name, the "u" tag that
 * reads as words, and the reset mail's validity sentence that no longer says the parent is logged
 * out at the expiry time.
 */
import { expect } from 'chai';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMailRenderer } from '../../../gateway/mail/render.ts';
import { createViewEngine } from '../../../gateway/views/engine.ts';

const viewsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../views');
const engine = createViewEngine({ viewsDir, cache: true });

function render(view: string, model: object, locale = 'nl'): Promise<string> {
  return new Promise((resolve, reject) => {
    engine(path.join(viewsDir, `${view}.hbs`), { locale, lang: locale, csrfToken: 't', layout: false, ...model }, (err, html) => (err ? reject(err) : resolve(html!)));
  });
}

const child = { name: 'Mila de Wester', givenName: 'Mila', handle: 'h', teachers: [], nav: [] };
const overview = (officialName: string, officialNameCount: number) => ({
  officialName, officialNameCount, birthDate: '2018-04-01', enrolledFrom: '2022-08-29', contacts: [], emergencyContacts: [], limited: false,
  guardians: [{ name: 'Annemiek Berkelbroek', relationKey: 'relation.mother', isViewer: true, gezag: true, contacts: [], noContactData: true }],
});

describe('issue 22: the smaller texts', () => {
  it('"Officiële naam" for one name, "Officiële namen" for more, in both languages', async () => {
    expect(await render('pages/child', { titleKey: 'child.title', child, overview: overview('Milou de Wester', 1) })).to.include('<dt>Officiële naam</dt>');
    expect(await render('pages/child', { titleKey: 'child.title', child, overview: overview('Mila Johanna de Wester', 2) })).to.include('<dt>Officiële namen</dt>');
    expect(await render('pages/child', { titleKey: 'child.title', child, overview: overview('Milou de Wester', 1) }, 'en')).to.include('<dt>Official name</dt>');
  });

  it('tags the parent\'s own card with words, not a lone "u"', async () => {
    const html = await render('pages/child', { titleKey: 'child.title', child, overview: overview('Milou de Wester', 1) });
    expect(html).to.include('Annemiek Berkelbroek <span class="tag">dat bent u</span>');
    expect(await render('pages/child', { titleKey: 'child.title', child, overview: overview('Milou de Wester', 1) }, 'en')).to.include('<span class="tag">that is you</span>');
  });

  it('the reset mail says the link is valid until the time, and that choosing a password logs out everywhere', () => {
    const mail = createMailRenderer().render('password-reset', 'nl', {
      schoolName: 'De Bron', username: 'demo.ouder', link: 'http://x/wachtwoord-herstellen?token=t', expiresAt: '2026-12-03T10:00:00Z',
    });
    expect(mail.text).to.match(/De link werkt één keer en is geldig tot .*11:00\. Kiest u daarmee een nieuw wachtwoord, dan wordt u op al uw apparaten uitgelogd/);
    expect(mail.text).not.to.include('Daarna wordt u');
  });
});
