import { expect } from 'chai';
import request from 'supertest';
import { DEMO_PERSONAS } from '../../adapters/mock/index.ts';
import type { Section, SectionDecision, SectionPolicy } from '../../gateway/routes/parent/index.ts';
import { createHarness, gezagChildren, textOf, type Harness } from './parent-pages.support.ts';

const REPORT = { nl: 'Rond de rapporten is dit onderdeel gesloten.', en: 'Closed around report time.' };

/** A calendar stand-in: the listed sections are closed for the listed jaargroepen (all when none given). */
function closing(sections: Section[], jaargroepen?: number[]): SectionPolicy & { asked: Array<[Section, number | undefined]> } {
  const asked: Array<[Section, number | undefined]> = [];
  return {
    asked,
    isOpen(section, { studentJaargroep }): SectionDecision {
      asked.push([section, studentJaargroep]);
      const closed = sections.includes(section) && (!jaargroepen || jaargroepen.includes(studentJaargroep!));
      return closed ? { open: false, reason: REPORT, reopensOn: '2027-02-17' } : { open: true };
    },
  };
}

describe('parent pages: closed sections', function () {
  this.timeout(20_000);
  let h: Harness;
  let childId: string;
  let base: string;

  async function setup(policy: SectionPolicy) {
    h = await createHarness({ guardianId: DEMO_PERSONAS.twoChildren.guardianId, policy });
    [childId] = (await gezagChildren(h, DEMO_PERSONAS.twoChildren.guardianId)) as [string];
    base = `/kind/${h.handleOf(childId)}`;
  }

  const callsOf = (method: string) => h.calls.filter((c) => c.method === method && c.args[0] === childId);

  it('a closed absences section shows reason and reopening date, fetches no absences and records no view', async () => {
    await setup(closing(['absences']));
    const res = await request(h.app).get(`${base}/absenties`);
    expect(res.status).to.equal(200);
    expect(res.headers['cache-control']).to.equal('no-store');
    const text = textOf(res.text);
    expect(text).to.include('Absenties: nu gesloten');
    expect(text).to.include(REPORT.nl);
    expect(text).to.include('Het gaat weer open op woensdag 17 februari 2027.');
    expect(callsOf('listAbsences')).to.deep.equal([]);
    expect(await h.store.audit.query({})).to.deep.equal([]);
  });

  it('says it in English too, and marks the closed section in the child\'s sub-navigation', async () => {
    await setup(closing(['absences']));
    const res = await request(h.app).get(base).set('Cookie', 'lang=en');
    expect(res.text).to.match(/<a href="\/kind\/[^"]+\/absenties">Absences <span class="tag">closed<\/span><\/a>/);
    expect(res.text).to.match(/<a href="\/kind\/[^"]+\/resultaten">Results<\/a>/);
    const closed = textOf((await request(h.app).get(`${base}/absenties`).set('Cookie', 'lang=en')).text);
    expect(closed).to.include(REPORT.en);
    expect(closed).to.match(/It opens again on Wednesday,? 17 February 2027\./);
  });

  it('with only the LVS closed, shows the method tests and a notice, and records only the method view', async () => {
    await setup(closing(['results.lvs']));
    const res = await request(h.app).get(`${base}/resultaten`);
    expect(res.status).to.equal(200);
    const text = textOf(res.text);
    expect(text).to.include('Methodetoetsen');
    expect(text).to.include('LVS-toetsen: nu gesloten');
    expect(res.text).not.to.include('id="lvs-heading"');
    expect(res.text).not.to.match(/Vaardigheidsscore<\/th>/);
    const records = await h.store.audit.query({ studentId: childId });
    expect(records.map((r) => r.section)).to.deep.equal(['results.method']);
  });

  it('with both result kinds closed, shows the closed page and fetches no results', async () => {
    await setup(closing(['results.method', 'results.lvs']));
    const res = await request(h.app).get(`${base}/resultaten`);
    const text = textOf(res.text);
    // One closure over both kinds: one notice, its reason once (issue 22, "a closure's reason once").
    expect(text).to.include('Resultaten: nu gesloten');
    expect(text).not.to.include('Methodetoetsen: nu gesloten');
    expect(text.split(REPORT.nl).length - 1, 'the reason once').to.equal(1);
    expect(callsOf('listResults')).to.deep.equal([]);
    expect(await h.store.audit.query({})).to.deep.equal([]);
  });

  it('a closed personalia section fetches no guardians of the child and shows none', async () => {
    await setup(closing(['personalia']));
    const res = await request(h.app).get(base);
    expect(textOf(res.text)).to.include('De gegevens van uw kind: nu gesloten');
    expect(res.text).not.to.include('guardians-heading');
    expect(callsOf('listGuardiansOfStudent')).to.deep.equal([]);
  });

  it('asks the calendar with the child\'s own jaargroep, so one group can be closed while another is open', async () => {
    const closedGroups: number[] = [];
    const policy = closing(['results.method', 'results.lvs'], closedGroups);
    await setup(policy);
    const ids = await gezagChildren(h, DEMO_PERSONAS.twoChildren.guardianId);
    const groups = await Promise.all(ids.map(async (id) => (await h.sisData.getStudent!(id)).jaargroep));
    expect(new Set(groups).size).to.equal(2);
    closedGroups.push(groups[0]!);
    const first = await request(h.app).get(`/kind/${h.handleOf(ids[0]!)}/resultaten`);
    const second = await request(h.app).get(`/kind/${h.handleOf(ids[1]!)}/resultaten`);
    expect(textOf(first.text)).to.include('Resultaten: nu gesloten');
    expect(textOf(second.text)).not.to.include('nu gesloten');
    expect(policy.asked.map(([, g]) => g)).to.include.members(groups);
  });
});
