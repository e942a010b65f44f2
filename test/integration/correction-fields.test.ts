/**
 * Issue 22 item 4: each correction in the child's list shows what was changed (old → new, as the
 * parent saw and typed it), so several can be told apart; and the "wijzigen" links sit next to
 * the data they correct.
 */
import { expect } from 'chai';
import { createTestApp, DEMO } from '../support/app.ts';
import { formFields, formValues, newAddress, parentSession, sendCityOnlyCorrection, sendCorrection } from './changes.support.ts';

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, ' ');

describe('corrections say what was changed (issue 22 item 4)', function () {
  this.timeout(30_000);

  it('lists each correction\'s fields, old → new, in Dutch and English', async () => {
    const t = await createTestApp();
    const parent = await parentSession(t);
    const form = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
    await sendCorrection(parent.agent, parent.handle, { ...formFields(form.text), ...newAddress(formValues(form.text)) });
    const second = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
    await sendCorrection(parent.agent, parent.handle, { ...formFields(second.text), ...formValues(second.text), phone: '06 11112222' });

    const page = await parent.agent.get(`/kind/${parent.handle}`);
    const list = page.text.slice(page.text.indexOf('id="changes-heading"'));
    const cards = [...list.matchAll(/<li class="card">([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!));
    expect(cards).to.have.length(2);
    const address = cards.find((c) => c.includes('Straat'))!;
    expect(address).to.include('Straat was: Kwarteldreef → wordt: Lindelaan');
    expect(address).to.include('Postcode was: 9655 WK → wordt: 1234 AB');
    expect(address).not.to.include('Telefoonnummer');
    const phone = cards.find((c) => c.includes('Telefoonnummer'))!;
    expect(phone).to.include('Telefoonnummer was: 06 56686584 → wordt: 06 11112222');
    expect(phone).not.to.include('Straat');

    const en = textOf((await parent.agent.get(`/kind/${parent.handle}`).set('Cookie', 'lang=en')).text);
    expect(en).to.include('Street was: Kwarteldreef → becomes: Lindelaan');
  });

  it('lists only the fields that change, as the staff queue and the school\'s mail do: not the rest of an address', async () => {
    const t = await createTestApp();
    const parent = await parentSession(t);
    const shown = await sendCityOnlyCorrection(parent, 'Zwolle');
    const page = await parent.agent.get(`/kind/${parent.handle}`);
    const list = page.text.slice(page.text.indexOf('id="changes-heading"'));
    const cards = [...list.matchAll(/<li class="card">([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1]!));
    expect(cards).to.have.length(1);
    expect(cards[0]).to.include(`Plaats was: ${shown.city} → wordt: Zwolle`);
    for (const unchanged of ['Straat', 'Huisnummer', 'Postcode']) expect(cards[0], unchanged).not.to.include(unchanged);
  });

  it('puts the "wijzigen" links beside the child\'s address and contacts and beside the parent\'s own card', async () => {
    const t = await createTestApp();
    const parent = await parentSession(t);
    const page = (await parent.agent.get(`/kind/${parent.handle}`)).text;
    const formHref = `/kind/${parent.handle}/wijzigen`;
    const addressSection = page.slice(page.indexOf('id="address-heading"'), page.indexOf('id="guardians-heading"'));
    expect(addressSection).to.include(`<a href="${formHref}">Adres, telefoon of noodcontact wijzigen</a>`);
    const guardians = page.slice(page.indexOf('id="guardians-heading"'), page.indexOf('id="changes-heading"'));
    const ownCard = guardians.split('<li class="card">').find((c) => c.includes('<span class="tag">'))!;
    expect(ownCard).to.include(`<a href="${formHref}">Uw telefoonnummer of e-mailadres wijzigen</a>`);
  });

  it('shows no "wijzigen" link to a parent who may not correct (a separated parent without the form open is the same as before)', async () => {
    const t = await createTestApp({ now: '2026-12-07T10:00:00+01:00' });
    const parent = await parentSession(t, DEMO.parent);
    const page = (await parent.agent.get(`/kind/${parent.handle}`)).text;
    expect(page).not.to.include('Adres, telefoon of noodcontact wijzigen');
  });
});
