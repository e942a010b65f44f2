/**
 * The editor's YAML edits keep every byte outside the changed node: golden files of a commented
 * calendar, each differing from the original only where the edit is.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { applyEdit, CalendarEditError } from '../../../gateway/calendar-editor/yaml-edit.ts';
import { calendarFrom as calendarOf } from '../policy/support.ts';

const DIR = 'test/fixtures/calendar-editor';
const original = readFileSync(`${DIR}/commented.yaml`, 'utf8');
const golden = (name: string) => readFileSync(`${DIR}/commented.${name}.yaml`, 'utf8');
const RAPPORT = calendarOf(original).closures[0];

describe('calendar editor: YAML edit', () => {
  it('changes one value in place: every other line, comment and folded text stays byte for byte', () => {
    const out = applyEdit(original, { kind: 'put', list: 'closures', id: 'rapport-juni', rule: { ...RAPPORT, reopensOn: '2027-07-05' } });
    expect(out).to.equal(golden('change-reopens'));
    const before = original.split('\n');
    const after = out.split('\n');
    expect(after).to.have.length(before.length);
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [i + 1]));
    expect(changed).to.deep.equal([23]);
    expect(calendarOf(out).closures[0]?.reopensOn).to.equal('2027-07-05');
  });

  it('adds a rule at the end of its list, leaving the rest of the file as it was', () => {
    const rule = { id: 'cito-mei', from: '2027-05-03', reopensOn: '2027-05-20', reason: { nl: 'CITO: de scores worden ingevoerd.', en: 'CITO scores are being entered.' }, groups: [5, 6, 7, 8] };
    const out = applyEdit(original, { kind: 'put', list: 'closures', rule });
    expect(out).to.equal(golden('add-closure'));
    const at = out.indexOf('  - id: cito-mei');
    const end = out.indexOf('\n\nevents:');
    expect(out.slice(0, at) + out.slice(end + 1)).to.equal(original.slice(0, at) + original.slice(original.indexOf('\nevents:')));
    expect(calendarOf(out).closures[1]).to.deep.equal(rule);
  });

  it('removes a rule with the comment lines that describe it, nothing else', () => {
    const out = applyEdit(original, { kind: 'remove', list: 'open', id: 'resultaten' });
    expect(out).to.equal(golden('remove-open'));
    expect(calendarOf(out).open.map((r) => r.id)).to.deep.equal(['administratie']);
  });

  it('changes one text of a reason and keeps the other, with its quoting', () => {
    const out = applyEdit(original, {
      kind: 'put', list: 'closures', id: 'rapport-juni',
      rule: { ...RAPPORT, reason: { nl: 'Gesloten rond het rapport.', en: RAPPORT?.reason.en } },
    });
    expect(out).to.contain("      en: 'Results are closed around report time.'");
    expect(out).to.contain('      nl: Gesloten rond het rapport.\n');
    expect(out).not.to.contain('>-');
  });

  it('drops a key that the rule no longer has, and adds one it gains', () => {
    const { reopensOn: _gone, ...open } = RAPPORT as NonNullable<typeof RAPPORT>;
    const out = applyEdit(original, { kind: 'put', list: 'closures', id: 'rapport-juni', rule: { ...open, groups: [8] } });
    const rule = calendarOf(out).closures[0];
    expect(rule?.reopensOn).to.equal(undefined);
    expect(rule?.groups).to.deep.equal([8]);
    expect(out).to.contain('    groups: [8]\n');
  });

  it('leaves an empty list when the only rule goes, and fills an empty or missing list', () => {
    const empty = applyEdit(original, { kind: 'remove', list: 'closures', id: 'rapport-juni' });
    expect(empty).to.contain('closures: []\n');
    expect(empty).to.contain('# The end.');
    expect(calendarOf(empty).closures).to.deep.equal([]);
    const rule = { id: 'x', from: '2027-05-01', reason: { nl: 'a', en: 'b' } };
    expect(calendarOf(applyEdit(empty, { kind: 'put', list: 'closures', rule })).closures).to.deep.equal([rule]);
    const missing = 'timezone: Europe/Amsterdam\n';
    expect(calendarOf(applyEdit(missing, { kind: 'put', list: 'closures', rule })).closures).to.deep.equal([rule]);
  });

  it('refuses to change or remove a rule the file no longer has', () => {
    expect(() => applyEdit(original, { kind: 'remove', list: 'events', id: 'gone' })).to.throw(CalendarEditError).with.property('code', 'NOT_FOUND');
  });
});
