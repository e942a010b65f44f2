/** Joining the normalised getLeerlingen lists into Students, end to end through the adapter. */
import { expect } from 'chai';
import type { Student } from '../../../adapters/contract/index.ts';
import {
  CURRENT_PUPIL_IDS, DEPARTED_PUPIL_ID, fixture, interceptGetLeerlingen, useOfflineNock, XML_HEADERS,
} from '../../fixtures/parnassys/soap.ts';
import { buildAdapter, expectSisError } from './support.ts';

describe('parnassys: pupils from getLeerlingen', () => {
  useOfflineNock();

  let pupils: Map<string, Student>;
  const built = () => buildAdapter();

  beforeEach(async () => {
    interceptGetLeerlingen().reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
    const { adapter } = built();
    pupils = new Map((await adapter.listStudents!()).items.map((s) => [s.id, s]));
  });

  it('lists the current pupils ordered by id, leaving out the one who left on 30 September', () => {
    expect([...pupils.keys()]).to.deep.equal([...CURRENT_PUPIL_IDS]);
    expect(pupils.has(DEPARTED_PUPIL_ID)).to.equal(false);
  });

  it('uses roepnaam, tussenvoegsel and achternaam (not the official names), keeping voornamen', () => {
    expect(pupils.get('1001')!.name).to.deep.equal({ given: 'Daan', prefix: 'van', family: 'Dijk', firstNames: 'Daniël Pieter' });
    // Official surname Jansen; the school uses "de Vries".
    expect(pupils.get('1002')!.name).to.deep.equal({ given: 'Fien', prefix: 'de', family: 'Vries', firstNames: 'Josephine Maria' });
    expect(pupils.get('1003')!.name).to.deep.equal({ given: 'Noah', family: 'Bakker', firstNames: 'Noah' });
    expect(pupils.get('1002')!.gender).to.equal('V');
    expect(pupils.get('1001')!.birthDate).to.equal('2018-03-14');
  });

  it("takes today's placement out of several across school years", () => {
    // Last year Groep 5 (leerjaar 5); this year the combination group, leerjaar 6.
    expect(pupils.get('1001')!.group).to.deep.equal({ id: '211', name: 'Groep 5/6', jaargroepen: [5, 6] });
    expect(pupils.get('1001')!.jaargroep).to.equal(6);
    expect(pupils.get('1002')!.group!.id).to.equal('211');
    expect(pupils.get('1002')!.jaargroep).to.equal(5);
  });

  it('follows a change of group during the school year', () => {
    // Groep 5/6 until 20 September, Groep 6 from the 21st.
    expect(pupils.get('1006')!.group).to.deep.equal({ id: '214', name: 'Groep 6', jaargroepen: [6] });
  });

  it("gives a group without jaargroep in its name the jaargroepen of its pupils", () => {
    expect(pupils.get('1003')!.group).to.deep.equal({ id: '212', name: 'Kleutergroep De Zon', jaargroepen: [1, 2] });
    expect(pupils.get('1004')!.jaargroep).to.equal(2);
  });

  it('normalises a Dutch postcode and keeps a foreign address as given', () => {
    expect(pupils.get('1001')!.address).to.deep.equal({
      street: 'Lindelaan', houseNumber: '12', postcode: '3512 AB', city: 'Utrecht', country: 'Nederland', secret: false,
    });
    expect(pupils.get('1004')!.address).to.include({ postcode: '47533', city: 'Kleve', country: 'Duitsland', secret: false });
  });

  it('flags a secret address, and the phone at a secret address, as secret', () => {
    const fien = pupils.get('1002')!;
    expect(fien.address).to.include({ street: 'Kastanjestraat', secret: true });
    // The phone itself says geheim=false, but it leads to the secret address.
    expect(fien.contacts).to.deep.equal([{ kind: 'phone', value: '06-11112222', secret: true, emergency: false }]);
  });

  it('flags a secret phone at an ordinary address, and only that one', () => {
    expect(pupils.get('1003')!.contacts).to.deep.equal([
      { kind: 'phone', value: '030-7654321', secret: false, emergency: false },
      { kind: 'phone', value: '06-99998888', secret: true, emergency: false },
    ]);
  });

  it('gives enrolment dates, with the end for a pupil leaving later this year', () => {
    expect(pupils.get('1001')!.enrolment).to.deep.equal({ from: '2021-08-30' });
    expect(pupils.get('1007')!.enrolment).to.deep.equal({ from: '2018-08-28', to: '2026-12-18' });
  });

  it('leaves teachers empty: the public service links no staff to groups', () => {
    for (const pupil of pupils.values()) expect(pupil.teachers).to.deep.equal([]);
  });

  it('getStudent finds a current pupil and treats the departed and the unknown as SIS_NOT_FOUND', async () => {
    interceptGetLeerlingen().reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
    const { adapter } = built();
    expect(await adapter.getStudent!('1004')).to.deep.equal(pupils.get('1004'));
    await expectSisError(adapter.getStudent!(DEPARTED_PUPIL_ID), 'SIS_NOT_FOUND');
    await expectSisError(adapter.getStudent!('9999'), 'SIS_NOT_FOUND');
  });

  it('the departed pupil is still listed on the last day of enrolment', async () => {
    interceptGetLeerlingen().reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
    const { adapter } = buildAdapter({}, { now: '2026-09-30T20:00:00Z' });
    expect((await adapter.getStudent!(DEPARTED_PUPIL_ID)).enrolment).to.deep.equal({ from: '2018-08-27', to: '2026-09-30' });
  });

  it('returns copies: changing one does not change the next answer', async () => {
    interceptGetLeerlingen().reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
    const { adapter } = built();
    const first = await adapter.getStudent!('1001');
    first.name.given = 'changed';
    first.group!.jaargroepen.push(8);
    const second = await adapter.getStudent!('1001');
    expect(second.name.given).to.equal('Daan');
    expect(second.group!.jaargroepen).to.deep.equal([5, 6]);
  });
});

describe('parnassys: lists of one', () => {
  useOfflineNock();

  it('reads a school with one pupil, one address, one group and one phone, keeping ids as strings', async () => {
    interceptGetLeerlingen().reply(200, fixture('get-leerlingen-one-of-each.xml'), XML_HEADERS);
    const { adapter } = buildAdapter();
    const page = await adapter.listStudents!();
    expect(page).to.deep.equal({
      items: [{
        id: '0042',
        name: { given: 'Sara', family: 'Yilmaz', firstNames: 'Sara' },
        birthDate: '2020-02-29',
        gender: 'V',
        group: { id: '007', name: 'Groep 3', jaargroepen: [3] },
        jaargroep: 3,
        teachers: [],
        address: { street: 'Molenstraat', houseNumber: '7a', postcode: '1234 AB', city: 'Ergens', country: 'Nederland', secret: false },
        contacts: [{ kind: 'phone', value: '0612345678', secret: false, emergency: false }],
        enrolment: { from: '2024-03-01' },
      }],
    });
  });

  it('with studentId: leerlingNummer, the school number is the id', async () => {
    interceptGetLeerlingen().reply(200, fixture('get-leerlingen-one-of-each.xml'), XML_HEADERS);
    const { adapter } = buildAdapter({ studentId: 'leerlingNummer' });
    expect((await adapter.getStudent!('42')).name.given).to.equal('Sara');
    await expectSisError(adapter.getStudent!('0042'), 'SIS_NOT_FOUND');
  });
});
