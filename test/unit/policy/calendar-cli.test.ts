import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { formatGroups, runCalendarCli } from '../../../gateway/policy/calendar-cli.ts';
import { manualClock } from '../../support/clock.ts';
import { DEMO_CALENDAR_FILE } from './support.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = runCalendarCli(argv, {
    out: (text) => { out += text; },
    err: (text) => { err += text; },
    clock: manualClock('2027-06-10T10:00:00Z'),
  });
  return { code, out, err };
}

describe('calendar CLI', () => {
  let dir: string;
  let invalid: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ouderpoort-calendar-cli-'));
    invalid = join(dir, 'calendar.yaml');
    writeFileSync(invalid, `open:
  - id: a
    sections: [personalia, grades]
    from: 2026-12-08
    tot: 2027-01-01
`);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('check', () => {
    it('passes a valid file with exit code 0 and a summary', () => {
      const { code, out, err } = run('check', DEMO_CALENDAR_FILE);
      expect(code).to.equal(0);
      expect(err).to.equal('');
      expect(out).to.equal(`${DEMO_CALENDAR_FILE}: valid — 5 open rules, 2 closures, 5 events (Europe/Amsterdam, 2026-2027)\n`);
    });

    it('fails an invalid file with exit code 1, naming each problem\'s line and key', () => {
      const { code, out, err } = run('check', invalid);
      expect(code).to.equal(1);
      expect(out).to.equal('');
      expect(err).to.contain(`${invalid}: invalid (2 problems)`);
      expect(err).to.contain(`${invalid}:3:28 open[0].sections[1]: expected one of the sections`);
      expect(err).to.contain(`${invalid}:5:5 open[0].tot: unknown key`);
    });

    it('reports a missing file as invalid', () => {
      const { code, err } = run('check', join(dir, 'missing.yaml'));
      expect(code).to.equal(1);
      expect(err).to.contain('cannot read the calendar file (ENOENT)');
    });
  });

  describe('show', () => {
    it('shows results open on 17 February 2027 for groep 5, and what changes next', () => {
      const { code, out } = run('show', '--date', '2027-02-17', '--group', '5', '--file', DEMO_CALENDAR_FILE);
      expect(code).to.equal(0);
      expect(out).to.contain('On 2027-02-17 for groep 5:');
      expect(out).to.match(/^ {2}results\.method +open$/m);
      expect(out).to.match(/^ {2}results\.lvs +open$/m);
      expect(out).to.match(/^ {2}personalia +open$/m);
      expect(out).to.contain('2027-06-01  results.lvs closed (closure rapport-juni)');
      // Groep 8's own reopening is not groep 5's business.
      expect(out).not.to.contain('2027-03-25');
    });

    it('shows a closure with its reason and reopening date, and group differences for the whole school', () => {
      const { code, out } = run('show', '--date', '2027-02-17', '--file', DEMO_CALENDAR_FILE);
      expect(code).to.equal(0);
      expect(out).to.match(/results\.lvs +open for groepen 1–7; closed for groep 8 \(opens 2027-03-25\)/);
      expect(out).to.match(/nl: De uitslag van de doorstroomtoets/);
      expect(out).to.contain('2027-03-25  results.lvs opened for groep 8');
    });

    it('defaults to today in the calendar\'s zone and lists upcoming events', () => {
      const { out } = run('show', '--file', DEMO_CALENDAR_FILE);
      expect(out).to.contain('On 2027-06-10 for the whole school:');
      expect(out).to.match(/results\.method +closed \(opens 2027-07-02\)/);
      const before = run('show', '--date', '2026-12-01', '--file', DEMO_CALENDAR_FILE).out;
      expect(before).to.contain('2026-12-07 07:00  invitations (uitnodigingen)');
      expect(before).to.contain('2026-12-14 08:30–09:15  help-moment (hulpmoment)');
    });

    it('fails on an invalid file with exit code 1', () => {
      expect(run('show', '--date', '2027-02-17', '--file', invalid).code).to.equal(1);
    });
  });

  it('refuses unusable arguments with exit code 2 and the usage', () => {
    for (const argv of [[], ['frobnicate'], ['show', '--group', '9'], ['show', '--date', '17-02-2027'], ['check', 'a.yaml', '--file', 'b.yaml'], ['show', '--bogus']]) {
      const { code, err } = run(...argv);
      expect(code, argv.join(' ')).to.equal(2);
      expect(err, argv.join(' ')).to.contain('usage: npm run calendar');
    }
  });

  it('formats groups as ranges', () => {
    expect(formatGroups([1, 2, 3, 4, 5, 6, 7, 8])).to.equal('all groups');
    expect(formatGroups([8])).to.equal('groep 8');
    expect(formatGroups([1, 2, 3])).to.equal('groepen 1–3');
    expect(formatGroups([1, 3])).to.equal('groepen 1, 3');
  });

  describe('as a process (bin/calendar.ts)', function () {
    this.timeout(30_000);
    const exec = promisify(execFile);
    const cli = (...args: string[]) => exec(process.execPath, ['--import', 'tsx', 'bin/calendar.ts', ...args], { cwd: ROOT });

    it('exits 0 and prints what is open for a valid file', async () => {
      const { stdout } = await cli('show', '--date', '2027-02-17', '--group', '5');
      expect(stdout).to.contain('config/calendar.yaml: valid');
      expect(stdout).to.match(/results\.lvs +open/);
    });

    it('exits 1 for an invalid file', async () => {
      const failure = await cli('check', invalid).then(() => undefined, (err: { code: number; stderr: string }) => err);
      expect(failure?.code).to.equal(1);
      expect(failure?.stderr).to.contain('open[0].tot: unknown key');
    });
  });
});
