/** The join's edge cases, on parsed records directly: fallbacks, fail-closed secrets, records left out. */
import { expect } from 'chai';
import { leerlingenReturnSchema } from '../../../adapters/parnassys/leerlingen-schema.ts';
import { buildRoster, jaargroepenInName, jaargroepOf } from '../../../adapters/parnassys/roster.ts';

type Loose = Record<string, unknown>;

function leerling(id: string, overrides: Loose = {}): Loose {
  return {
    id,
    roepNaam: 'Kim',
    voornamen: 'Kim',
    achternaam: 'Jong',
    tussenvoegsel: 'de',
    geboortedatum: '2018-05-05',
    leerlingAdres: 'a1',
    groepsindelingen: { groepsindeling: [{ groep: 'g1', schooljaar: 'y2', vanafDatum: '2026-08-01', leerjaar: '4' }] },
    inschrijvingen: { inschrijving: [{ datumInschrijving: '2022-08-29' }] },
    ...overrides,
  };
}

function school(leerlingen: Loose[], extra: Loose = {}) {
  return leerlingenReturnSchema.parse({
    leerlingen: { leerling: leerlingen },
    adressen: { adres: [{ id: 'a1', straat: 'Dorpsstraat', huisnummer: '1', postcode: '1234AB', plaats: 'Dorp', geheimadres: 'false', telefoon: [{ nummer: '0101234567', geheim: 'false' }] }] },
    groepen: { groep: [
      { id: 'g0', naam: 'Groep 3', schooljaar: 'y1' },
      { id: 'g1', naam: 'Groep 4', schooljaar: 'y2' },
      { id: 'g2', naam: 'De Uilen', schooljaar: 'y2' },
    ] },
    schooljaren: { schooljaar: [{ id: 'y1', naam: '2025 / 2026' }, { id: 'y2', naam: '2026 / 2027' }] },
    ...extra,
  });
}

const options = { day: '2026-10-05', schoolYear: '2026 / 2027', studentId: 'id' as const };

describe('parnassys: joining edge cases', () => {
  it('treats a missing or garbled secret flag as secret (fail closed)', () => {
    const data = school([leerling('p1')], {
      adressen: { adres: [{ id: 'a1', straat: 'Dorpsstraat', huisnummer: '1', postcode: '1234 AB', plaats: 'Dorp', telefoon: [{ nummer: '0101234567', geheim: 'ja?' }] }] },
    });
    const [pupil] = buildRoster(data, options).students;
    expect(pupil!.address!.secret).to.equal(true);
    expect(pupil!.contacts[0]!.secret).to.equal(true);
  });

  it('falls back to the first voornaam and the official surname when the others are empty', () => {
    const data = school([leerling('p1', {
      roepNaam: '', voornamen: 'Johanna Maria', achternaam: '', tussenvoegsel: '', achternaamOfficieel: 'Berg', tussenvoegselOfficieel: 'van den',
    })]);
    expect(buildRoster(data, options).students[0]!.name).to.deep.equal({ given: 'Johanna', prefix: 'van den', family: 'Berg', firstNames: 'Johanna Maria' });
  });

  it('over the summer, before the new placement starts, gives no group (not last year\'s); the old year asked for keeps its last one', () => {
    const data = school([leerling('p1', {
      groepsindelingen: { groepsindeling: [
        { groep: 'g0', schooljaar: 'y1', vanafDatum: '2025-08-18', totDatum: '2026-07-10', leerjaar: '3' },
        { groep: 'g1', schooljaar: 'y2', vanafDatum: '2026-08-24', leerjaar: '4' },
      ] },
    })]);
    // 1 August: the new year has begun but the placement starts on the 24th.
    const roster = buildRoster(data, { ...options, day: '2026-08-01' });
    const summer = roster.students[0]!;
    expect(summer.group).to.equal(undefined);
    expect(summer.jaargroep).to.equal(undefined);
    expect(roster.withoutGroup).to.deep.equal(['p1']);
    expect(buildRoster(data, { ...options, day: '2026-08-24' }).students[0]!.group!.id).to.equal('g1');
    // The old year asked for in July: last year's group, though it ended on 10 July.
    const july = buildRoster(data, { ...options, day: '2026-07-20', schoolYear: '2025 / 2026' }).students[0]!;
    expect(july.group!.id).to.equal('g0');
  });

  it("takes the jaargroep from the group's name when leerjaar is missing", () => {
    const data = school([leerling('p1', { groepsindelingen: { groepsindeling: [{ groep: 'g1', schooljaar: 'y2', vanafDatum: '2026-08-01' }] } })]);
    expect(buildRoster(data, options).students[0]!.jaargroep).to.equal(4);
  });

  it('leaves out, and lists by reason with their ids, records it cannot use; keeps a pupil without jaargroep or group', () => {
    const data = school([
      leerling('ok'),
      leerling('no-group', { groepsindelingen: '' }),
      leerling('ghost-group', { groepsindelingen: { groepsindeling: [{ groep: 'g9', vanafDatum: '2026-08-01', leerjaar: '4' }] } }),
      leerling('no-jaargroep', { groepsindelingen: { groepsindeling: [{ groep: 'g2', schooljaar: 'y2', vanafDatum: '2026-08-01' }] } }),
      leerling('bad-date', { inschrijvingen: { inschrijving: [{ datumInschrijving: '2022-08-29', datumUitschrijving: 'binnenkort' }] } }),
      leerling('never-enrolled', { inschrijvingen: '' }),
      leerling('no-birth-date', { geboortedatum: '' }),
      leerling('no-name', { roepNaam: '', voornamen: '', achternaam: '' }),
      leerling('ok'),
      leerling('left', { inschrijvingen: { inschrijving: [{ datumInschrijving: '2022-08-29', datumUitschrijving: '2026-10-04' }] } }),
    ]);
    const roster = buildRoster(data, options);
    expect(roster.students.map((s) => s.id)).to.deep.equal(['no-group', 'no-jaargroep', 'ok']);
    expect(roster.departed).to.equal(1);
    expect(roster.skipped).to.deep.equal({
      'unknown-group': ['ghost-group'], 'unreadable-date': ['bad-date'],
      'no-enrolment': ['never-enrolled'], 'no-birth-date': ['no-birth-date'], 'no-name': ['no-name'], 'duplicate-id': ['ok'],
    });
    expect(roster.withoutJaargroep).to.deep.equal(['no-jaargroep']);
    expect(roster.withoutGroup).to.deep.equal(['no-group']);
    const kept = roster.byId.get('no-jaargroep')!;
    expect(kept.group).to.deep.equal({ id: 'g2', name: 'De Uilen', jaargroepen: [] });
    expect(kept).to.not.have.property('jaargroep');
  });

  it('takes the latest enrolment that has begun when a pupil was enrolled twice', () => {
    const data = school([leerling('p1', { inschrijvingen: { inschrijving: [
      { datumInschrijving: '2020-08-31', datumUitschrijving: '2023-07-14' },
      { datumInschrijving: '2025-01-06' },
    ] } })]);
    expect(buildRoster(data, options).students[0]!.enrolment).to.deep.equal({ from: '2025-01-06' });
  });

  it('reads jaargroepen from group names and leerjaar values', () => {
    expect(jaargroepenInName('Groep 5/6')).to.deep.equal([5, 6]);
    expect(jaargroepenInName('groep 7b')).to.deep.equal([7]);
    expect(jaargroepenInName('1-2')).to.deep.equal([1, 2]);
    expect(jaargroepenInName('Kangoeroes')).to.deep.equal([]);
    expect(jaargroepenInName('Groep 3 2026')).to.deep.equal([]);
    expect(jaargroepOf('5')).to.equal(5);
    expect(jaargroepOf('groep 8')).to.equal(8);
    expect(jaargroepOf('9')).to.equal(undefined);
  });
});
