/**
 * OSO's verzuim block: totals over the twelve months before the dossier date, served as one
 * absence summary of that period — never as dated absences made up from the counts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Absence } from '../../../adapters/contract/index.ts';
import { twelveMonthsUpTo } from '../../../adapters/oso/map-verzuim.ts';
import { EXAMPLE_NOW, FIXTURES, TempFolder, expectSisError, osoAdapter } from './support.ts';

const WIDE = { from: '2024-08-01', to: '2026-07-31' };

describe('OSO adapter: verzuim as an absence summary', () => {
  const folder = new TempFolder('school/dossier-1001.xml', 'school/dossier-1003.xml', 'school/dossier-1005.xml');
  after(() => folder.remove());
  const open = () => osoAdapter({ dir: folder.dir }).adapter;

  it('offers absences, and answers with one summary of the twelve months up to the dossier date', async () => {
    const adapter = open();
    expect(adapter.capabilities.has('absences')).to.equal(true);
    const [summary, ...rest] = await adapter.listAbsences!('1001', WIDE);
    expect(rest).to.deep.equal([]);
    expect(summary).to.deep.include({
      kind: 'summary',
      studentId: '1001',
      // metadata/datum 2026-01-14; "de laatste 12 kalendermaanden" before it.
      period: { from: '2025-01-15', to: '2026-01-14' },
      totals: [
        { category: 'authorised', unit: 'dayParts', count: 6 },
        { category: 'unauthorised', unit: 'dayParts', count: 1 },
        { category: 'unauthorised', unit: 'times', count: 1 },
      ],
    });
    expect(summary!.id).to.match(/^a-[0-9a-f]{24}$/);
    expect(await adapter.listAbsences!('1001', WIDE)).to.deep.equal([summary], 'the id is stable');
  });

  it('gives the summary for any range its period touches, and nothing for a range it does not', async () => {
    const adapter = open();
    const ids = async (from: string, to: string) => (await adapter.listAbsences!('1001', { from, to })).map((a: Absence) => a.kind);
    expect(await ids('2026-01-14', '2026-01-14')).to.deep.equal(['summary']);
    expect(await ids('2024-08-01', '2025-01-15')).to.deep.equal(['summary']);
    expect(await ids('2026-01-15', '2026-07-31')).to.deep.equal([]);
    expect(await ids('2024-08-01', '2025-01-14')).to.deep.equal([]);
  });

  it('a dossier without a verzuim block gives no absences at all (not zeros)', async () => {
    expect(await open().listAbsences!('1003', WIDE)).to.deep.equal([]);
  });

  it('a departed or unknown pupil is SIS_NOT_FOUND', async () => {
    const adapter = open();
    await expectSisError(adapter.listAbsences!('1005', WIDE), 'SIS_NOT_FOUND');
    await expectSisError(adapter.listAbsences!('nobody', WIDE), 'SIS_NOT_FOUND');
  });

  it('the Edustandaard example: 12 and 2 day parts, unauthorised twice; contactleerplicht and meerdan25percent are left out', async () => {
    const examples = new TempFolder('examples/Voorbeelddossier_OV_POPO_full.xml');
    try {
      const adapter = osoAdapter({ dir: examples.dir }, EXAMPLE_NOW).adapter;
      expect(await adapter.listAbsences!('LN094837', { from: '2015-08-01', to: '2016-07-31' })).to.deep.equal([{
        kind: 'summary',
        id: (await adapter.listAbsences!('LN094837', { from: '2015-08-01', to: '2016-07-31' }))[0]!.id,
        studentId: 'LN094837',
        period: { from: '2015-01-03', to: '2016-01-02' },
        totals: [
          { category: 'authorised', unit: 'dayParts', count: 12 },
          { category: 'unauthorised', unit: 'dayParts', count: 2 },
          { category: 'unauthorised', unit: 'times', count: 2 },
        ],
      }]);
    } finally {
      examples.remove();
    }
  });

  it('without a dossier date the period is unknown: the totals are left out and the reason logged', async () => {
    const undated = new TempFolder();
    try {
      const text = readFileSync(`${FIXTURES}school/dossier-1001.xml`, 'utf8').replace('<datum>2026-01-14</datum>', '');
      writeFileSync(undated.path('dossier-1001.xml'), text);
      const { adapter, logger } = osoAdapter({ dir: undated.dir });
      expect(await adapter.listAbsences!('1001', WIDE)).to.deep.equal([]);
      const notes = logger.lines.flatMap((l) => (typeof l.obj === 'object' && 'notes' in l.obj ? (l.obj as { notes: string[] }).notes : []));
      expect(notes).to.include('verzuim left out: without metadata/datum the twelve months its totals cover are unknown');
    } finally {
      undated.remove();
    }
  });

  it('hours (secondary school) keep their fraction; a negative or fractional day-part count is left out', async () => {
    const odd = new TempFolder();
    try {
      const text = readFileSync(`${FIXTURES}school/dossier-1001.xml`, 'utf8').replace(
        /<verzuim>[\s\S]*?<\/verzuim>/,
        '<verzuim><dagdelengeoorloofd>-3</dagdelengeoorloofd><dagdelenongeoorloofd>1.5</dagdelenongeoorloofd><urengeoorloofd>4.5</urengeoorloofd></verzuim>',
      );
      writeFileSync(odd.path('dossier-1001.xml'), text);
      const [summary] = await osoAdapter({ dir: odd.dir }).adapter.listAbsences!('1001', WIDE);
      expect(summary).to.have.property('totals').that.deep.equals([{ category: 'authorised', unit: 'hours', count: 4.5 }]);
    } finally {
      odd.remove();
    }
  });

  it('narrowing the capabilities away removes listAbsences', () => {
    const adapter = osoAdapter({ dir: folder.dir, capabilities: ['guardians'] }).adapter;
    expect(adapter).to.not.have.property('listAbsences');
  });

  it('twelve months up to a date start the day after the same date a year earlier', () => {
    expect(twelveMonthsUpTo('2026-01-14')).to.deep.equal({ from: '2025-01-15', to: '2026-01-14' });
    expect(twelveMonthsUpTo('2026-12-31')).to.deep.equal({ from: '2026-01-01', to: '2026-12-31' });
    expect(twelveMonthsUpTo('2024-02-29')).to.deep.equal({ from: '2023-03-01', to: '2024-02-29' });
    expect(twelveMonthsUpTo('2025-03-01')).to.deep.equal({ from: '2024-03-02', to: '2025-03-01' });
  });
});
