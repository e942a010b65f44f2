import { expect } from 'chai';
import type { HelperOptions } from 'handlebars';
import { ceilMinutes } from '../../../gateway/views/helpers/ceil-minutes.ts';
import { formatDate } from '../../../gateway/views/helpers/format-date.ts';
import { formatList } from '../../../gateway/views/helpers/format-list.ts';
import { formatNumber } from '../../../gateway/views/helpers/format-number.ts';
import { humanAge } from '../../../gateway/views/helpers/human-age.ts';
import { helpers } from '../../../gateway/views/helpers/index.ts';
import { limit } from '../../../gateway/views/helpers/limit.ts';
import { t } from '../../../gateway/views/helpers/t.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function opts(locale: string, hash: Record<string, unknown> = {}): HelperOptions {
  return { hash, data: { root: { locale } }, fn: () => '', inverse: () => '' } as unknown as HelperOptions;
}

const HOUR = 3600_000;

describe('views: helpers', () => {
  it('t looks up in the root locale and interpolates the hash', () => {
    expect(t('absences.title', opts('en', { name: 'Bo' }))).to.equal('Absences of Bo');
    expect(t('absences.title', opts('xx', { name: 'Bo' }))).to.equal('Absenties van Bo');
    expect(t(undefined, opts('nl'))).to.equal('');
  });

  it('formatDate shows a local date as that calendar day, and instants in Amsterdam time', () => {
    expect(formatDate('2026-12-14', opts('nl'))).to.equal('maandag 14 december 2026');
    expect(formatDate('2026-12-14', opts('en', { style: 'medium' }))).to.equal('14 December 2026');
    // 23:30 UTC on 31 March is already 1 April in Amsterdam (summer time).
    expect(formatDate('2027-03-31T23:30:00Z', opts('nl', { style: 'medium' }))).to.equal('1 april 2027');
    expect(formatDate('2026-11-28T07:30:00Z', opts('nl', { style: 'time' }))).to.equal('08:30');
    expect(formatDate('2026-12-12', opts('nl', { style: 'dayMonth' }))).to.equal('za 12 dec');
    expect(formatDate('not a date', opts('nl'))).to.equal('');
    expect(formatDate(undefined, opts('nl'))).to.equal('');
  });

  it('humanAge says the age in the largest whole unit', () => {
    expect(humanAge(2 * HOUR + 59 * 60_000, opts('nl'))).to.equal('2 uur');
    expect(humanAge(3 * 24 * HOUR, opts('en'))).to.equal('3 days');
    expect(humanAge(60_000, opts('en'))).to.equal('1 minute');
    expect(humanAge(5_000, opts('nl'))).to.equal('minder dan een minuut');
    expect(humanAge(undefined, opts('en'))).to.equal('less than a minute');
  });

  it('formatNumber uses the locale\'s decimal mark and passes strings through', () => {
    expect(formatNumber(7.5, opts('nl'))).to.equal('7,5');
    expect(formatNumber(7.5, opts('en'))).to.equal('7.5');
    expect(formatNumber(1234, opts('nl'))).to.equal('1234');
    expect(formatNumber('goed', opts('nl'))).to.equal('goed');
    expect(formatNumber(undefined, opts('nl'))).to.equal('');
  });

  it('formatList joins the way the language does', () => {
    expect(formatList(['Anna', 'Bram', 'Cor'], opts('nl'))).to.equal('Anna, Bram en Cor');
    expect(formatList(['Anna', 'Bram'], opts('en'))).to.equal('Anna and Bram');
    expect(formatList('Anna', opts('en'))).to.equal('');
  });

  it('ceilMinutes never promises a shorter wait', () => {
    expect(ceilMinutes(61)).to.equal(2);
    expect(ceilMinutes(60)).to.equal(1);
    expect(ceilMinutes(undefined)).to.equal(1);
  });

  it('limit gives the numbers of the password and username rules', () => {
    expect(limit('password.min')).to.equal(15);
    expect(limit('password.max')).to.be.at.least(64);
    expect(limit('username.min')).to.be.a('number');
    expect(limit('nope')).to.equal(undefined);
  });

  it('every helper file is in the one list, and every file starts with a usage comment', () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../gateway/views/helpers');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['index.ts', 'locale-from.ts'].includes(f));
    const camel = (f: string) => f.slice(0, -3).replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
    expect(files.map(camel).sort()).to.deep.equal(Object.keys(helpers).sort());
    for (const file of files) {
      const head = readFileSync(path.join(dir, file), 'utf8').split('\n').slice(0, 3).join('\n');
      expect(head, file).to.match(/^\/\*\*\n \* `\{\{/);
    }
  });
});
