import { expect } from 'chai';
import { dirname } from 'node:path';
import { loadConfig, type Config } from '../../../gateway/config/index.ts';
import { MINIMAL_SCHOOL_YAML, tempDir, type TempDir } from './temp-files.ts';
import { configErrorOf } from '../../support/config-errors.ts';

describe('loadConfig', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('lays the school file over the defaults and turns durations into milliseconds', () => {
    const file = tmp.write('school.yaml', `${MINIMAL_SCHOOL_YAML}
server:
  port: 8080
cache:
  ttl:
    absences: 5m
`);
    const config = loadConfig({ file, env: {} });
    expect(config.school).to.deep.equal({ name: 'OBS De Regenboog', brin: '12AB', locale: 'nl', timezone: 'Europe/Amsterdam', holidays: [] });
    expect(config.server).to.deep.equal({ host: '127.0.0.1', port: 8080, trustProxy: 0, secureCookies: true });
    expect(config.sis.stack).to.deep.equal([{ adapter: 'mock', config: {} }]);
    expect(config.sis.http).to.deep.equal({ timeout: 10_000, maxBytes: 10 * 1024 * 1024 });
    expect(config.cache.ttl).to.deep.equal({
      student: 3_600_000, guardian: 3_600_000, guardiansOfStudent: 3_600_000, absences: 300_000, results: 3_600_000,
      reports: 3_600_000, medical: 900_000,
    });
    expect(config.cache.staleMaxAge).to.equal(7 * 86_400_000);
    expect(config.store).to.deep.equal({ kind: 'lowdb', lowdb: { dir: 'var/store' }, postgres: { poolSize: 10 } });
    expect(config.log).to.deep.equal({ level: 'info' });
    expect(config.source.files).to.have.length(2);
    expect(config.source.files[1]).to.equal(file);
    expect(config.source.baseDir).to.equal(dirname(file));
  });

  it('finds the school file through OUDERPOORT_CONFIG, relative to the working directory', () => {
    tmp.write('school.yaml', `${MINIMAL_SCHOOL_YAML}\nlog:\n  level: warn\n`);
    const config = loadConfig({ env: { OUDERPOORT_CONFIG: 'school.yaml' }, cwd: tmp.dir });
    expect(config.log.level).to.equal('warn');
    expect(config.source.baseDir).to.equal(tmp.dir);
  });

  it('prefers the file option over OUDERPOORT_CONFIG', () => {
    const chosen = tmp.write('chosen.yaml', `${MINIMAL_SCHOOL_YAML}\nlog:\n  level: debug\n`);
    tmp.write('other.yaml', `${MINIMAL_SCHOOL_YAML}\nlog:\n  level: error\n`);
    expect(loadConfig({ file: chosen, env: { OUDERPOORT_CONFIG: 'other.yaml' }, cwd: tmp.dir }).log.level).to.equal('debug');
  });

  it('applies in-memory values last, with the working directory as base', () => {
    const config = loadConfig({
      env: {},
      cwd: tmp.dir,
      values: { school: { name: 'Test', brin: '99ZZ01' }, sis: { stack: [{ adapter: 'mock', config: { seed: 3 } }] } },
    });
    expect(config.school.brin).to.equal('99ZZ01');
    expect(config.sis.stack[0]?.config).to.deep.equal({ seed: 3 });
    expect(config.source.baseDir).to.equal(tmp.dir);
  });

  it('replaces lists whole instead of merging them', () => {
    const file = tmp.write('school.yaml', MINIMAL_SCHOOL_YAML);
    const config = loadConfig({ file, env: {}, values: { sis: { stack: [{ adapter: './mine.ts' }] } } });
    expect(config.sis.stack).to.deep.equal([{ adapter: './mine.ts', config: {} }]);
  });

  it('returns a deep-frozen object', () => {
    const config = loadConfig({ file: tmp.write('s.yaml', MINIMAL_SCHOOL_YAML), env: {} });
    const mutable = config as unknown as { server: { port: number }; sis: { stack: Array<{ config: Record<string, unknown> }> } };
    expect(Object.isFrozen(config)).to.equal(true);
    expect(Object.isFrozen(config.cache.ttl)).to.equal(true);
    expect(Object.isFrozen(config.sis.stack)).to.equal(true);
    expect(Object.isFrozen(config.sis.stack[0]?.config)).to.equal(true);
    expect(Object.isFrozen(config.source.files)).to.equal(true);
    expect(() => { mutable.server.port = 1; }).to.throw(TypeError);
    expect(() => { mutable.sis.stack[0]!.config.injected = true; }).to.throw(TypeError);
    expect(() => { mutable.sis.stack.push({ config: {} }); }).to.throw(TypeError);
  });

  it('does not change the values it was given', () => {
    const values = { school: { name: 'Test', brin: '12AB' }, sis: { stack: [{ adapter: 'mock' }] } };
    loadConfig({ env: { OUDERPOORT_SESSION_SECRET: 's'.repeat(40) }, values });
    expect(values).to.deep.equal({ school: { name: 'Test', brin: '12AB' }, sis: { stack: [{ adapter: 'mock' }] } });
    expect(Object.isFrozen(values.school)).to.equal(false);
  });

  it('reports every problem at once, each with its dotted key path', () => {
    const file = tmp.write('bad.yaml', `
school:
  brin: twelve
  timezone: Mars/Olympus_Mons
  extra: 1
server:
  port: "eighty"
  trustProxy: true
sever:
  port: 1
sis:
  stack:
    - adapter: mock
      config: 5
    - config: {}
  http:
    timeout: soon
cache:
  ttl:
    results: 2d
  staleMaxAge: 1d
store:
  kind: mongodb
log:
  level: loud
`);
    const err = configErrorOf(() => loadConfig({ file, env: {} }));
    expect(err.code).to.equal('CONFIG_INVALID');
    expect(err.statusCode).to.equal(500);
    expect(err.problems).to.have.members([
      'school.name: missing (expected string)',
      'school.brin: expected a BRIN like "12AB" or "12AB00"',
      'school.timezone: expected an IANA time zone like "Europe/Amsterdam"',
      'school.extra: unknown key',
      'server.port: expected number, received string',
      'server.trustProxy: expected number, received boolean',
      'sever: unknown key',
      'sis.stack[0].config: expected record, received number',
      'sis.stack[1].adapter: missing (expected string)',
      'sis.http.timeout: expected a duration like "30s", "15m", "1h", "7d" or a number of seconds',
      'cache.staleMaxAge: must be at least the longest ttl (ttl.results)',
      'store.kind: expected one of "lowdb"|"postgres"',
      'log.level: expected one of "fatal"|"error"|"warn"|"info"|"debug"|"trace"|"silent"',
    ]);
    for (const problem of err.problems) expect(err.message).to.include(problem);
  });

  it('never echoes a rejected value', () => {
    const file = tmp.write('bad.yaml', `${MINIMAL_SCHOOL_YAML}\nserver:\n  port: "hunter2-secret"\n`);
    const err = configErrorOf(() => loadConfig({ file, env: {} }));
    expect(err.message).to.not.include('hunter2');
  });

  it('refuses a missing school file by name', () => {
    const err = configErrorOf(() => loadConfig({ file: 'nope.yaml', cwd: tmp.dir, env: {} }));
    expect(err.problems).to.deep.equal([`${tmp.dir}/nope.yaml: cannot read the config file (ENOENT)`]);
  });

  it('needs the keys without a default', () => {
    const err = configErrorOf(() => loadConfig({ env: {} }));
    expect(err.problems).to.deep.equal([
      'school.name: missing (expected string)',
      'school.brin: missing (expected string)',
      'sis.stack: missing (expected array)',
    ]);
  });

  it('says which keys are missing when a defaults file lacks them', () => {
    const defaultsFile = tmp.write('default.yaml', 'cache:\n  ttl:\n    student: 1h\n');
    const err = configErrorOf(() => loadConfig({ defaultsFile, env: {} }));
    expect(err.problems).to.include.members([
      'cache.ttl.guardian: missing (expected a duration like "30s", "15m", "1h", "7d" or a number of seconds)',
      'cache.staleMaxAge: missing (expected a duration like "30s", "15m", "1h", "7d" or a number of seconds)',
      'server: missing (expected object)',
    ]);
  });

  it('types the result', () => {
    const config: Config = loadConfig({ file: tmp.write('s.yaml', MINIMAL_SCHOOL_YAML), env: {} });
    const port: number = config.server.port;
    expect(port).to.equal(3000);
  });
});
