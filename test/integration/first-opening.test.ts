/**
 * Issue 22 item 2: on the invitation day (7 December) the sections have never been open. The
 * closed page says "opens on …" with the calendar's own words, never "open again", and the
 * dashboard says what is coming instead of inviting a click. A section that was open before and is
 * closed now (the June report closure) still says "open again".
 */
import { expect } from 'chai';
import { createTestApp, DEMO } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';

const INVITATION_DAY = '2026-12-07T09:00:00+01:00';
const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, ' ');

async function parentOn(now: string) {
  const t = await createTestApp({ now });
  const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
  const dashboard = await agent.get('/');
  const child = /href="(\/kind\/[^"]+)"/.exec(dashboard.text)![1]!;
  return { t, agent, dashboard, child };
}

describe('before a section\'s first opening (issue 22 item 2)', function () {
  this.timeout(30_000);

  it('the dashboard says what is coming on the invitation day, by day, in the calendar\'s words', async () => {
    const { dashboard } = await parentOn(INVITATION_DAY);
    const text = textOf(dashboard.text);
    expect(text).to.include('Welkom! Het ouderportaal gaat binnenkort open.');
    expect(text).not.to.include('Kies een kind om de gegevens');
    expect(text).to.match(/Binnenkort: vanaf dinsdag 8 december( 2026)?: De gegevens van uw kind, Absenties, Wijzigingen doorgeven, Medische gegevens, Ziekmelden, Verlof, Gesprek aanvragen en Schooljaar\. U ziet dan de algemene gegevens/);
    expect(text).to.match(/vanaf woensdag 17 februari( 2027)?: Methodetoetsen, LVS-toetsen en Rapporten\. De resultaten van methodetoetsen en CITO-toetsen\./);
  });

  it('the child\'s closed page says "opent op" with the description, never "weer open"', async () => {
    const { agent, child } = await parentOn(INVITATION_DAY);
    const page = await agent.get(child);
    const text = textOf(page.text);
    expect(text).to.include('De gegevens van uw kind: nog niet open');
    expect(text).to.include('U ziet dan de algemene gegevens en de absenties van uw kind, en kunt wijzigingen zelf doorgeven.');
    expect(text).to.match(/Dit onderdeel opent op dinsdag 8 december/);
    expect(text).not.to.include('weer open');
    expect(text).not.to.include('Dit onderdeel is op dit moment gesloten');
    const en = textOf((await agent.get(child).set('Cookie', 'lang=en')).text);
    expect(en).to.include("Your child's details: not open yet");
    expect(en).to.match(/This section opens on Tuesday,? 8 December/);
  });

  it('once open, the dashboard invites a click again and lists only what has still to open', async () => {
    const { dashboard } = await parentOn('2027-01-10T10:00:00+01:00');
    const text = textOf(dashboard.text);
    expect(text).to.include('Kies een kind om de gegevens');
    expect(text).not.to.include('De gegevens van uw kind, Absenties');
    expect(text).to.match(/Binnenkort: vanaf woensdag 17 februari( 2027)?: Methodetoetsen, LVS-toetsen en Rapporten/);
  });

  it('a section closed after it was open (June) still says it opens again, with the closure\'s reason', async () => {
    const { agent, child, dashboard } = await parentOn('2027-06-10T10:00:00+02:00');
    expect(textOf(dashboard.text)).not.to.include('Binnenkort');
    const text = textOf((await agent.get(`${child}/resultaten`)).text);
    expect(text).to.include('Rond het rapport zijn de resultaten gesloten.');
    expect(text).to.match(/Het gaat weer open op vrijdag 2 juli/);
    expect(text).not.to.include('nog niet open');
  });
});
