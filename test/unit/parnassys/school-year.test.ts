/** The school year asked for follows the Amsterdam date across the 1 August boundary; SIS dates read as local dates. */
import { expect } from 'chai';
import { parseSisDate, schoolYearOf, today } from '../../../adapters/parnassys/dates.ts';
import { fixture, interceptGetLeerlingen, useOfflineNock, XML_HEADERS } from '../../fixtures/parnassys/soap.ts';
import { manualClock } from '../../support/clock.ts';
import { buildAdapter } from './support.ts';

describe('parnassys: school year', () => {
  useOfflineNock();

  it('31 July is the last day of a school year, 1 August the first of the next', () => {
    expect(schoolYearOf('2026-07-31')).to.equal('2025 / 2026');
    expect(schoolYearOf('2026-08-01')).to.equal('2026 / 2027');
    expect(schoolYearOf('2027-01-15')).to.equal('2026 / 2027');
  });

  it('the local date is Amsterdam time: 31 July 23:59 CEST is still July, 1 August 00:00 CEST is August', () => {
    expect(today(manualClock('2026-07-31T21:59:59Z'))).to.equal('2026-07-31');
    expect(today(manualClock('2026-07-31T22:00:00Z'))).to.equal('2026-08-01');
  });

  it('asks ParnasSys for "2025 / 2026" at 31 July 23:59 and for "2026 / 2027" one minute later', async () => {
    const before = interceptGetLeerlingen({ schoolYear: '2025 / 2026' }).reply(200, fixture('get-leerlingen-one-of-each.xml'), XML_HEADERS);
    const july = buildAdapter({}, { now: '2026-07-31T21:59:00Z' });
    await july.adapter.listStudents!();
    expect(before.isDone()).to.equal(true);

    const after = interceptGetLeerlingen({ schoolYear: '2026 / 2027' }).reply(200, fixture('get-leerlingen-one-of-each.xml'), XML_HEADERS);
    const august = buildAdapter({}, { now: '2026-07-31T22:00:00Z' });
    await august.adapter.listStudents!();
    expect(after.isDone()).to.equal(true);
  });

  it('one adapter moves to the new school year when its clock passes the boundary', async () => {
    const scope = interceptGetLeerlingen({ schoolYear: '2025 / 2026' }).reply(200, fixture('get-leerlingen-one-of-each.xml'), XML_HEADERS);
    const next = interceptGetLeerlingen({ schoolYear: '2026 / 2027' }).reply(200, fixture('get-leerlingen-one-of-each.xml'), XML_HEADERS);
    const { adapter, clock } = buildAdapter({}, { now: '2026-07-31T21:58:00Z' });
    await adapter.listStudents!();
    clock.advance(3 * 60_000);
    await adapter.listStudents!();
    expect(scope.isDone() && next.isDone()).to.equal(true);
  });

  it('a pinned schoolYear is asked for whatever the date, written the ParnasSys way', async () => {
    const scope = interceptGetLeerlingen({ schoolYear: '2025 / 2026' }).reply(200, fixture('get-leerlingen-one-of-each.xml'), XML_HEADERS);
    const { adapter } = buildAdapter({ schoolYear: '2025-2026' }, { now: '2026-10-05T08:00:00Z' });
    await adapter.listStudents!();
    expect(scope.isDone()).to.equal(true);
  });
});

describe('parnassys: reading SIS dates', () => {
  it('reads xs:date, with or without an offset, as the day written', () => {
    expect(parseSisDate('2026-08-01')).to.deep.equal({ ok: true, date: '2026-08-01' });
    expect(parseSisDate('2026-08-01+02:00')).to.deep.equal({ ok: true, date: '2026-08-01' });
    expect(parseSisDate(' 2026-08-01Z ')).to.deep.equal({ ok: true, date: '2026-08-01' });
  });

  it('reads an xs:dateTime with a zone as an instant, dated in Amsterdam', () => {
    expect(parseSisDate('2026-07-31T22:00:00Z')).to.deep.equal({ ok: true, date: '2026-08-01' });
    expect(parseSisDate('2026-08-01T00:00:00.000+02:00')).to.deep.equal({ ok: true, date: '2026-08-01' });
    expect(parseSisDate('2026-01-31T23:30:00Z')).to.deep.equal({ ok: true, date: '2026-02-01' });
    expect(parseSisDate('2026-08-01T00:00:00')).to.deep.equal({ ok: true, date: '2026-08-01' });
  });

  it('reads a Dutch day-month-year date', () => {
    expect(parseSisDate('1-8-2026')).to.deep.equal({ ok: true, date: '2026-08-01' });
  });

  it('tells an empty value (unknown) from one it cannot read', () => {
    expect(parseSisDate('')).to.deep.equal({ ok: true });
    expect(parseSisDate(undefined)).to.deep.equal({ ok: true });
    expect(parseSisDate('2026-02-30')).to.deep.equal({ ok: false });
    expect(parseSisDate('morgen')).to.deep.equal({ ok: false });
  });
});
