import { expect } from 'chai';
import { CalendarError, describeIssue, loadCalendarFile, parseCalendar, type CalendarIssue } from '../../../gateway/policy/parse-calendar.ts';

function issuesOf(yaml: string): CalendarIssue[] {
  const result = parseCalendar(yaml, 'cal.yaml');
  if (result.ok) throw new Error('expected the calendar to be invalid');
  return result.issues;
}

const lineKey = (issues: CalendarIssue[]) => issues.map((i) => `${i.line} ${i.key}`);

describe('policy parseCalendar', () => {
  it('reads a valid file with defaults filled in', () => {
    const result = parseCalendar('open:\n  - id: a\n    sections: [personalia]\n    from: 2026-12-08\n', 'cal.yaml');
    expect(result).to.deep.equal({
      ok: true,
      calendar: {
        timezone: 'Europe/Amsterdam',
        open: [{ id: 'a', sections: ['personalia'], from: '2026-12-08' }],
        closures: [],
        events: [],
      },
    });
  });

  it('names the line and key of an unknown section', () => {
    const issues = issuesOf(`open:
  - id: a
    sections: [personalia, grades]
    from: 2026-12-08
`);
    expect(issues).to.have.length(1);
    expect(issues[0]).to.deep.include({ file: 'cal.yaml', line: 3, column: 28, key: 'open[0].sections[1]' });
    expect(issues[0]?.message).to.match(/expected one of the sections personalia, absences/);
  });

  it('names the line and key of a date that is not a real date', () => {
    const issues = issuesOf(`open:
  - id: a
    sections: [personalia]
    from: 2027-02-30
`);
    expect(lineKey(issues)).to.deep.equal(['4 open[0].from']);
    expect(issues[0]?.message).to.match(/real date written YYYY-MM-DD/);
  });

  it('names reopensOn when it is not after from, also next to other problems in the same closure', () => {
    const issues = issuesOf(`closures:
  - id: rapport
    from: 2027-06-01
    reopensOn: 2027-05-01
    reason:
      nl: Dicht.
    groups: [9]
`);
    expect(lineKey(issues)).to.deep.equal(['4 closures[0].reopensOn', '5 closures[0].reason.en', '7 closures[0].groups[0]']);
    expect(issues[0]?.message).to.match(/reopensOn must be after from/);
    expect(issues[1]?.message).to.equal('missing (expected string)');
    expect(issues[2]?.message).to.match(/jaargroep/);
  });

  it('refuses a reopensOn equal to from and a closesOn before from', () => {
    const issues = issuesOf(`open:
  - { id: a, sections: [absences], from: 2027-01-10, closesOn: 2027-01-09 }
closures:
  - { id: b, from: 2027-01-10, reopensOn: 2027-01-10, reason: { nl: x, en: y } }
`);
    expect(lineKey(issues)).to.deep.equal(['2 open[0].closesOn', '4 closures[0].reopensOn']);
  });

  it('names an unknown key, at the key itself', () => {
    const issues = issuesOf(`closures:
  - id: rapport
    from: 2027-06-01
    reopenson: 2027-07-02
    reason: { nl: Dicht., en: Closed. }
`);
    expect(issues).to.deep.equal([{ file: 'cal.yaml', line: 4, column: 5, key: 'closures[0].reopenson', message: 'unknown key' }]);
  });

  it('names a duplicate id, a bad time zone and a missing key', () => {
    const issues = issuesOf(`timezone: Europe/Atlantis
open:
  - { id: a, sections: [absences], from: 2027-01-10 }
events:
  - { id: a, kind: invitations, at: 2026-12-07T07:00 }
  - { id: b, kind: reminder }
`);
    expect(lineKey(issues)).to.deep.equal(['1 timezone', '5 events[0].id', '6 events[1].at']);
    expect(issues[1]?.message).to.equal('the id "a" is used twice');
    expect(issues[2]?.message).to.match(/^missing/);
  });

  it('names the line of a YAML syntax error', () => {
    const issues = issuesOf('open:\n  - id: a\n    sections: [personalia\n');
    expect(issues[0]?.key).to.equal('(syntax)');
    expect(issues[0]?.line).to.be.a('number');
  });

  it('refuses an empty file (an editor that truncates before writing) and a file without any rule', () => {
    for (const text of ['', '\n  \n', '# nothing yet\n']) {
      expect(issuesOf(text).map((i) => `${i.key}: ${i.message}`)).to.deep.equal(['(file): the calendar file is empty']);
    }
    const ruleless = issuesOf('timezone: Europe/Amsterdam\nevents: []\n');
    expect(ruleless.map((i) => i.key)).to.deep.equal(['open']);
    expect(ruleless[0]!.message).to.match(/close every section for everyone/);
  });

  it('refuses event times that do not exist or happen twice on a DST changeover day, naming the time', () => {
    const yaml = [
      'open:',
      '  - { id: a, sections: [personalia], from: 2026-12-08 }',
      'events:',
      '  - { id: lente, kind: reminder, at: 2027-03-28T02:30 }',
      '  - { id: herfst, kind: reminder, at: 2026-10-25T02:30 }',
      '  - { id: gewoon, kind: reminder, at: 2027-03-28T03:30, until: 2026-10-25T01:59 }',
      '',
    ].join('\n');
    const issues = issuesOf(yaml);
    expect(issues.map((i) => `${i.line} ${i.key}`)).to.deep.equal(['4 events[0].at', '5 events[1].at', '6 events[2].until']);
    expect(issues[0]!.message).to.include('2027-03-28T02:30 does not exist');
    expect(issues[1]!.message).to.include('2026-10-25T02:30 happens twice');
    // 01:59 exists once; the until problem is its order, not the clock.
    expect(issues[2]!.message).to.equal('until must be after at');
  });

  it('refuses a file whose top level is not a mapping', () => {
    expect(lineKey(issuesOf('- 1\n'))).to.deep.equal(['1 (top level)']);
  });

  it('throws one CalendarError with every problem when loading a file', () => {
    let error: unknown;
    try {
      loadCalendarFile('/nonexistent/calendar.yaml');
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(CalendarError);
    expect((error as CalendarError).code).to.equal('CALENDAR_INVALID');
    expect((error as CalendarError).message).to.contain('/nonexistent/calendar.yaml (file): cannot read the calendar file (ENOENT)');
  });

  it('describes an issue as file:line:column key: message', () => {
    expect(describeIssue({ file: 'c.yaml', line: 4, column: 5, key: 'closures[0].reopenson', message: 'unknown key' }))
      .to.equal('c.yaml:4:5 closures[0].reopenson: unknown key');
  });
});
