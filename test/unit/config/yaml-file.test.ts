import { expect } from 'chai';
import { loadConfig } from '../../../gateway/config/index.ts';
import { MINIMAL_SCHOOL_YAML, tempDir, type TempDir } from './temp-files.ts';
import { problemsOf } from '../../support/config-errors.ts';

describe('config files: YAML', () => {
  let tmp: TempDir;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.remove());

  it('names the file, line and column of a syntax error', () => {
    const file = tmp.write('school.yaml', 'school:\n  name: OBS\n  brin: [12AB\nserver:\n  port: 1\n');
    const problems = problemsOf(() => loadConfig({ file, env: {} }));
    expect(problems).to.have.length(1);
    expect(problems[0]).to.match(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:1: `));
    expect(problems[0]).to.include('Flow sequence');
  });

  it('reports every syntax error of the file, duplicate keys included', () => {
    const file = tmp.write('school.yaml', 'school:\n  name: A\n  name: B\nlog:\n  level: [info\n');
    const problems = problemsOf(() => loadConfig({ file, env: {} }));
    expect(problems).to.have.length(2);
    expect(problems[0]).to.equal(`${file}:3:3: Map keys must be unique`);
    expect(problems[1]).to.match(new RegExp(`^.*school\\.yaml:6:1: `));
  });

  it('refuses an unknown tag instead of reading it as text', () => {
    const file = tmp.write('school.yaml', `${MINIMAL_SCHOOL_YAML}\nserver:\n  host: !ENV HOST\n`);
    const problems = problemsOf(() => loadConfig({ file, env: {} }));
    expect(problems).to.deep.equal([`${file}:10:9: Unresolved tag: !ENV`]);
  });

  it('wants a mapping at the top level', () => {
    const file = tmp.write('school.yaml', '- school\n- server\n');
    expect(problemsOf(() => loadConfig({ file, env: {} }))).to.deep.equal([`${file}: expected a mapping of sections at the top level`]);
  });

  it('treats an empty file as no settings', () => {
    const file = tmp.write('empty.yaml', '# nothing yet\n');
    expect(problemsOf(() => loadConfig({ file, env: {} }))).to.include('school.name: missing (expected string)');
  });

  it('checks the defaults file like any other', () => {
    const defaultsFile = tmp.write('default.yaml', 'log: {level: info\n');
    const problems = problemsOf(() => loadConfig({ defaultsFile, env: {} }));
    expect(problems).to.have.length.greaterThan(0);
    expect(problems.every((p) => p.startsWith(`${defaultsFile}:`))).to.equal(true);
  });
});
