import { expect } from 'chai';
import { ENV_SECRETS, loadConfig } from '../../../gateway/config/index.ts';
import { MINIMAL_SCHOOL_YAML, tempDir, type TempDir } from './temp-files.ts';
import { problemsOf } from '../../support/config-errors.ts';

const SECRET = 'a-session-secret-that-is-long-enough-0123456789';

describe('config secrets from the environment', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('takes the session secret from OUDERPOORT_SESSION_SECRET', () => {
    const file = tmp.write('school.yaml', MINIMAL_SCHOOL_YAML);
    expect(loadConfig({ file, env: { OUDERPOORT_SESSION_SECRET: SECRET } }).server.sessionSecret).to.equal(SECRET);
    expect(loadConfig({ file, env: {} }).server.sessionSecret).to.equal(undefined);
    expect(loadConfig({ file, env: { OUDERPOORT_SESSION_SECRET: '' } }).server.sessionSecret).to.equal(undefined);
  });

  it('lets the environment win over in-memory values', () => {
    const config = loadConfig({
      file: tmp.write('school.yaml', MINIMAL_SCHOOL_YAML),
      env: { OUDERPOORT_SESSION_SECRET: SECRET },
      values: { server: { sessionSecret: 'x'.repeat(40) } },
    });
    expect(config.server.sessionSecret).to.equal(SECRET);
  });

  it('refuses a gateway secret written in a file, naming the variable to use instead', () => {
    const file = tmp.write('school.yaml', `${MINIMAL_SCHOOL_YAML}\nserver:\n  sessionSecret: ${SECRET}\n`);
    const problems = problemsOf(() => loadConfig({ file, env: { OUDERPOORT_SESSION_SECRET: SECRET } }));
    expect(problems).to.deep.equal([
      `server.sessionSecret: is a secret and is read from the environment only; remove it from ${file} and set OUDERPOORT_SESSION_SECRET`,
    ]);
    expect(problems.join('\n')).to.not.include(SECRET);
  });

  it('validates a secret from the environment like any value', () => {
    const file = tmp.write('school.yaml', MINIMAL_SCHOOL_YAML);
    expect(problemsOf(() => loadConfig({ file, env: { OUDERPOORT_SESSION_SECRET: 'short' } })))
      .to.deep.equal(['server.sessionSecret: expected at least 32 characters']);
  });

  it('substitutes !env references, anywhere, adapter config included', () => {
    const file = tmp.write('school.yaml', `
school:
  name: OBS
  brin: 12AB
server:
  sessionSecret: !env MY_SESSION_SECRET
sis:
  stack:
    - adapter: parnassys
      config:
        leveranciersleutel: !env PARNASSYS_KEY
        endpoints: [!env PARNASSYS_URL]
`);
    const config = loadConfig({
      file,
      env: { MY_SESSION_SECRET: SECRET, PARNASSYS_KEY: 'k-123', PARNASSYS_URL: 'https://sis.example' },
    });
    expect(config.server.sessionSecret).to.equal(SECRET);
    expect(config.sis.stack[0]?.config).to.deep.equal({ leveranciersleutel: 'k-123', endpoints: ['https://sis.example'] });
  });

  it('reports every unset !env variable with its key path, together with other problems', () => {
    const file = tmp.write('school.yaml', `
school:
  name: OBS
  brin: 12AB
server:
  port: nope
sis:
  stack:
    - adapter: parnassys
      config:
        leveranciersleutel: !env PARNASSYS_KEY
        password: !env PARNASSYS_PASSWORD
`);
    expect(problemsOf(() => loadConfig({ file, env: { PARNASSYS_PASSWORD: '' } }))).to.deep.equal([
      'sis.stack[0].config.leveranciersleutel: environment variable PARNASSYS_KEY is not set',
      'sis.stack[0].config.password: environment variable PARNASSYS_PASSWORD is not set',
      'server.port: expected number, received string',
    ]);
  });

  it('refuses !env without a variable name', () => {
    const file = tmp.write('school.yaml', `${MINIMAL_SCHOOL_YAML}\nserver:\n  host: !env "not a name"\n`);
    const problems = problemsOf(() => loadConfig({ file, env: {} }));
    expect(problems).to.have.length(1);
    expect(problems[0]).to.include(`${file}:10:9:`).and.include('!env needs an environment variable name');
  });

  it('lists its secrets with their key paths', () => {
    expect(ENV_SECRETS).to.deep.include({ env: 'OUDERPOORT_SESSION_SECRET', path: ['server', 'sessionSecret'] });
  });
});
