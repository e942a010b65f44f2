import { expect } from 'chai';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCalendarSource, type CalendarSource } from '../../../gateway/policy/calendar-source.ts';
import type { Calendar } from '../../../gateway/policy/calendar-types.ts';
import { evaluate } from '../../../gateway/policy/evaluate.ts';
import { isCalendarError } from '../../../gateway/policy/parse-calendar.ts';
import { manualClock } from '../../support/clock.ts';
import { captureLogger } from './support.ts';

const GOOD = `open:
  - id: administratie
    sections: [personalia]
    from: 2026-12-08
closures:
  - id: rapport
    sections: [personalia]
    from: 2027-06-01
    reopensOn: 2027-07-02
    reason: { nl: Dicht., en: Closed. }
`;

const CHANGED = `open:
  - id: administratie
    sections: [personalia, absences]
    from: 2026-12-08
events:
  - { id: post, kind: invitations, at: 2026-12-07T07:00 }
`;

// reopensOn before from, on line 9.
const INVALID = GOOD.replace('reopensOn: 2027-07-02', 'reopensOn: 2027-05-01');

describe('policy createCalendarSource', () => {
  let dir: string;
  let file: string;
  const sources: CalendarSource[] = [];
  const clock = manualClock('2026-12-01T09:00:00Z');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ouderpoort-calendar-'));
    file = join(dir, 'calendar.yaml');
    writeFileSync(file, GOOD);
    clock.set('2026-12-01T09:00:00Z');
  });

  afterEach(() => {
    for (const source of sources.splice(0)) source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function open(options: { onChange?: (c: Calendar) => void; watch?: boolean } = {}) {
    const logger = captureLogger();
    const source = createCalendarSource({ file, logger, clock, watch: options.watch ?? false, debounceMs: 20, ...(options.onChange ? { onChange: options.onChange } : {}) });
    sources.push(source);
    return { source, logger };
  }

  it('throws a clear error at boot when the file is invalid', () => {
    writeFileSync(file, INVALID);
    let error: unknown;
    try {
      open();
    } catch (err) {
      error = err;
    }
    expect(isCalendarError(error)).to.equal(true);
    expect((error as Error).message).to.contain(`${file}:9:5 closures[0].reopensOn: reopensOn must be after from`);
  });

  it('applies a valid change at once and logs what changed', async () => {
    const seen: Calendar[] = [];
    const { source, logger } = open({ onChange: (c) => seen.push(c) });
    expect(source.current().open[0]?.sections).to.deep.equal(['personalia']);
    clock.set('2026-12-01T10:00:00Z');
    writeFileSync(file, CHANGED);

    const outcome = await source.reload();

    expect(outcome).to.deep.equal({
      applied: true,
      diff: { added: ['event post'], removed: ['closure rapport'], changed: ['open administratie'], settings: [] },
    });
    expect(source.current().open[0]?.sections).to.deep.equal(['personalia', 'absences']);
    expect(seen).to.deep.equal([source.current()]);
    expect(source.status()).to.deep.equal({
      file, valid: true, loadedAt: '2026-12-01T10:00:00.000Z', checkedAt: '2026-12-01T10:00:00.000Z',
    });
    const info = logger.lines.find((l) => l.level === 'info');
    expect(info?.msg).to.equal('calendar reloaded: added: event post; removed: closure rapport; changed: open administratie');
  });

  it('rejects an invalid change with file, line and key, and keeps the last good calendar', async () => {
    const { source, logger } = open();
    const before = source.current();
    clock.set('2026-12-02T10:00:00Z');
    writeFileSync(file, INVALID);

    const outcome = await source.reload();

    expect(outcome.applied).to.equal(false);
    expect(source.current()).to.equal(before);
    const status = source.status();
    expect(status.valid).to.equal(false);
    expect(status.loadedAt).to.equal('2026-12-01T09:00:00.000Z');
    expect(status.checkedAt).to.equal('2026-12-02T10:00:00.000Z');
    expect(status.error).to.deep.include({ line: 9, key: 'closures[0].reopensOn' });
    expect(status.error?.message).to.match(/reopensOn must be after from/);
    expect(logger.lines.some((l) => l.level === 'error' && JSON.stringify(l.obj).includes('closures[0].reopensOn'))).to.equal(true);
    // The last good calendar still decides: personalia is open in December, closed in June.
    expect(evaluate(source.current(), 'personalia', 4, new Date('2026-12-10T10:00:00Z')).open).to.equal(true);
    expect(evaluate(source.current(), 'personalia', 4, new Date('2027-06-10T10:00:00Z')).open).to.equal(false);
  });

  it('refuses an empty file like a YAML error and keeps the last good calendar', async () => {
    const { source, logger } = open();
    const before = source.current();
    writeFileSync(file, '');
    const outcome = await source.reload();
    expect(outcome.applied).to.equal(false);
    expect(source.current()).to.equal(before);
    expect(source.status()).to.deep.include({ valid: false });
    expect(source.status().error).to.deep.include({ key: '(file)' });
    expect(logger.lines.some((l) => l.level === 'error' && JSON.stringify(l.obj).includes(file))).to.equal(true);
    expect(evaluate(source.current(), 'personalia', 4, new Date('2026-12-10T10:00:00Z')).open).to.equal(true);
  });

  it('keeps the last good calendar when the file disappears, and recovers when a good one returns', async () => {
    const { source } = open();
    rmSync(file);
    await source.reload();
    expect(source.status().error).to.deep.include({ key: '(file)' });
    expect(source.current().closures).to.have.length(1);
    writeFileSync(file, GOOD);
    expect(await source.reload()).to.deep.equal({ applied: false, unchanged: true });
    expect(source.status()).to.include({ valid: true }).and.not.to.have.property('error');
  });

  it('hands out a frozen calendar', () => {
    const { source } = open();
    expect(() => { (source.current().open as unknown[]).push({}); }).to.throw(TypeError);
    expect(Object.isFrozen(source.current().closures[0]?.reason)).to.equal(true);
  });

  it('reloads by itself when the file is saved, also by an editor that renames a new file over it', async () => {
    let changed!: (c: Calendar) => void;
    const next = new Promise<Calendar>((resolve) => { changed = resolve; });
    open({ watch: true, onChange: (c) => changed(c) });
    const temp = join(dir, '.calendar.yaml.swp');
    writeFileSync(temp, CHANGED);
    renameSync(temp, file);
    const calendar = await next;
    expect(calendar.events.map((e) => e.id)).to.deep.equal(['post']);
  });
});
