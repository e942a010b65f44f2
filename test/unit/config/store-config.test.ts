import { expect } from 'chai';
import { loadConfig } from '../../../gateway/config/index.ts';
import { MINIMAL_SCHOOL_YAML, tempDir, type TempDir } from './temp-files.ts';
import { problemsOf } from '../../support/config-errors.ts';

const URL = 'postgres://ouderpoort:geheim-wachtwoord@db.school.internal:5432/ouderpoort';

describe('config: store.kind postgres', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('takes the connection from OUDERPOORT_DATABASE_URL', () => {
    const file = tmp.write('school.yaml', `${MINIMAL_SCHOOL_YAML}\nstore:\n  kind: postgres\n`);
    const config = loadConfig({ file, env: { OUDERPOORT_DATABASE_URL: URL } });
    expect(config.store).to.deep.include({ kind: 'postgres', postgres: { url: URL, poolSize: 10 } });
  });

  it('refuses kind postgres without OUDERPOORT_DATABASE_URL, naming the variable', () => {
    const file = tmp.write('school.yaml', `${MINIMAL_SCHOOL_YAML}\nstore:\n  kind: postgres\n`);
    expect(problemsOf(() => loadConfig({ file, env: {} }))).to.deep.equal([
      'store.postgres.url: store.kind is postgres: set OUDERPOORT_DATABASE_URL (postgres://user:password@host:5432/database)',
    ]);
  });

  it('refuses a connection URL written in a file, without repeating it', () => {
    const file = tmp.write('school.yaml', `${MINIMAL_SCHOOL_YAML}\nstore:\n  kind: postgres\n  postgres:\n    url: ${URL}\n`);
    const problems = problemsOf(() => loadConfig({ file, env: { OUDERPOORT_DATABASE_URL: URL } }));
    expect(problems).to.deep.equal([
      `store.postgres.url: is a secret and is read from the environment only; remove it from ${file} and set OUDERPOORT_DATABASE_URL`,
    ]);
    expect(problems.join('\n')).to.not.include('geheim-wachtwoord');
  });

  it('refuses something that is not a postgres URL and a pool size out of range', () => {
    const file = tmp.write('school.yaml', `${MINIMAL_SCHOOL_YAML}\nstore:\n  kind: postgres\n  postgres:\n    poolSize: 0\n`);
    expect(problemsOf(() => loadConfig({ file, env: { OUDERPOORT_DATABASE_URL: 'mysql://x' } }))).to.have.members([
      'store.postgres.url: expected a postgres:// URL',
      'store.postgres.poolSize: Too small: expected number to be >=1',
    ]);
  });

  it('keeps lowdb the default, with no database needed', () => {
    const config = loadConfig({ file: tmp.write('school.yaml', MINIMAL_SCHOOL_YAML), env: {} });
    expect(config.store.kind).to.equal('lowdb');
  });
});
