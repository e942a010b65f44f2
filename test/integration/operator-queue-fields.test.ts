/**
 * Issue 22 (smaller): the staff queue lists only the fields a parent changed (a field group is
 * proposed whole), and when the SIS's current record already holds the requested values it says
 * what "Verwerkt" and "Afwijzen" then do.
 */
import { expect } from 'chai';
import type { Address } from '../../adapters/contract/index.ts';
import { createTestApp, csrfFrom, type TestApp } from '../support/app.ts';
import { operatorLogin } from '../support/operator.ts';
import { mockImportWith, withAnswer } from '../support/sis-with.ts';
import { formFields, formValues, newAddress, parentSession, sendCorrection, storedRequests } from './changes.support.ts';

const NOW = '2027-03-01T10:00:00+01:00';
const DAY = 24 * 3600_000;

/**
 * The mock SIS, with the child's address replaced by `sis.address`, and the allergies on its
 * medical card by `sis.allergy`, once a test sets them (as if the administration typed them in).
 */
function sisWithAddress(sis: { address?: Partial<Address>; allergy?: string }) {
  return mockImportWith((adapter) => withAnswer(
    withAnswer(adapter, 'getStudent', (student) => (
      sis.address && student.address ? { ...student, address: { ...student.address, ...sis.address } } : student
    )),
    'getMedicalCard', (card) => (sis.allergy ? { ...card, allergies: [{ id: 'A-new', text: sis.allergy, secret: false }] } : card),
  ));
}

async function correct(t: TestApp, change: (shown: Record<string, string>) => Record<string, string>) {
  const parent = await parentSession(t);
  const form = await parent.agent.get(`/kind/${parent.handle}/wijzigen`);
  const sent = await sendCorrection(parent.agent, parent.handle, { ...formFields(form.text), ...change(formValues(form.text)) });
  return { parent, sent };
}

function cardOf(html: string, reference: string): string {
  const start = html.indexOf(`id="wijziging-${reference}"`);
  expect(start, `a card for ${reference}`).to.be.greaterThan(-1);
  const next = html.indexOf('<li class="card"', start);
  return html.slice(start, next > 0 ? next : undefined);
}

describe('the staff queue: changed fields only, and what the buttons do when the SIS has it already (issue 22)', function () {
  this.timeout(30_000);

  it('lists only the field the parent changed, not the rest of its group', async () => {
    const t = await createTestApp({ now: NOW });
    await correct(t, (shown) => ({ ...shown, city: 'Zwolle' }));
    const [request] = await storedRequests(t);
    expect(request!.fields.map((f) => f.field), 'the address is proposed whole').to.have.length(4);
    const { agent } = await operatorLogin(t);
    const card = cardOf((await agent.get('/beheer/wijzigingen')).text, request!.reference);
    expect(card).to.include('Plaats (kind)').and.include('Zwolle');
    expect(card).not.to.include('Straat (kind)');
    expect(card).not.to.include('Postcode (kind)');
    expect(card).not.to.include('Huisnummer (kind)');
    expect(card, 'the SIS does not have it: no explanation').not.to.include('heeft deze gegevens al');
  });

  it('explains Verwerkt and Afwijzen, in nl and en, while the SIS already holds the new values; not once decided', async () => {
    const sis: { address?: Partial<Address> } = {};
    const t = await createTestApp({ now: NOW, overrides: { importModule: sisWithAddress(sis) } });
    await correct(t, newAddress);
    const [request] = await storedRequests(t);
    const login = await operatorLogin(t);
    const before = cardOf((await login.agent.get('/beheer/wijzigingen')).text, request!.reference);
    expect(before).to.include('Lindelaan');
    expect(before, 'the SIS still has the old address').not.to.include('heeft deze gegevens al');

    // The administration types the new address into the SIS; the cache has moved on a day later.
    sis.address = { street: 'Lindelaan', houseNumber: '12A', postcode: '1234 AB', city: 'Leemdijk' };
    t.clock.advance(DAY);
    const { agent } = await operatorLogin(t);
    const nl = cardOf((await agent.get('/beheer/wijzigingen?toon=all')).text, request!.reference);
    expect(nl).to.include('De leerlingadministratie heeft deze gegevens al');
    expect(nl).to.include('Verwerkt: sluit het verzoek af. De ouder ziet &#x27;verwerkt&#x27;. Er gaat niets naar de leerlingadministratie');
    expect(nl).to.include('Afwijzen: de ouder ziet &#x27;afgewezen&#x27; met uw toelichting. De gegevens in de leerlingadministratie blijven zoals ze nu zijn');
    const en = cardOf((await agent.get('/beheer/wijzigingen?toon=all').set('Cookie', 'lang=en')).text, request!.reference);
    expect(en).to.include('The school&#x27;s administration already has these details');
    expect(en).to.include('Processed: closes the request.');
    expect(en).to.include('Reject: the parent sees &#x27;rejected&#x27; with your note.');

    const token = csrfFrom((await agent.get('/beheer/wijzigingen?toon=all')).text);
    await agent.post(`/beheer/wijzigingen/${request!.id}/besluit`).type('form').send({ _csrf: token, besluit: 'processed', toon: 'all' });
    const after = cardOf((await agent.get('/beheer/wijzigingen?toon=all')).text, request!.reference);
    expect(after).to.include('verwerkt');
    expect(after, 'decided: nothing left to choose').not.to.include('heeft deze gegevens al');
  });

  it('compares a medical correction with the medical card in the SIS the same way', async () => {
    const sis: { address?: Partial<Address>; allergy?: string } = {};
    const t = await createTestApp({
      now: NOW, values: { changes: { fields: ['address', 'medical.allergies'] } },
      overrides: { importModule: sisWithAddress(sis) },
    });
    const allergy = 'Pinda-allergie, EpiPen in de tas';
    await correct(t, (shown) => ({ ...shown, medicalAllergies: allergy }));
    const [request] = await storedRequests(t);
    expect(request!.fields.map((f) => f.field), 'only the allergies changed').to.deep.equal(['child.medical.allergies']);
    const login = await operatorLogin(t);
    const before = cardOf((await login.agent.get('/beheer/wijzigingen')).text, request!.reference);
    expect(before).to.include('Pinda-allergie');
    expect(before, 'the SIS still has the old allergies').not.to.include('heeft deze gegevens al');

    // The administration types the allergy into the SIS (its own spacing); the cache has moved on a day later.
    sis.allergy = '  Pinda-allergie,  EpiPen in de tas ';
    t.clock.advance(DAY);
    const { agent } = await operatorLogin(t);
    const now = cardOf((await agent.get('/beheer/wijzigingen')).text, request!.reference);
    expect(now).to.include('De leerlingadministratie heeft deze gegevens al');
  });
});
