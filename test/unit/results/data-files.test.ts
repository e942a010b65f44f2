/**
 * The two files a school edits for the results page — level bands and glossary — and the
 * `results` config that names them: validated at boot, every problem named by file and key.
 */
import { expect } from 'chai';
import path from 'node:path';
import { loadConfig } from '../../../gateway/config/index.ts';
import { lookupTerm, loadGlossary } from '../../../gateway/results/glossary.ts';
import { PAGE_TERMS, REFERENCE_TERMS, SCALE_TERMS } from '../../../gateway/results/glossary-terms.ts';
import { bandsFor, loadLevelBands } from '../../../gateway/results/level-bands.ts';
import { loadResultsStory } from '../../../gateway/results/story.ts';
import { problemsOf } from '../../support/config-errors.ts';
import { tempDir, type TempDir } from '../config/temp-files.ts';
import { REPO_ROOT } from './demo-story.ts';

const GLOSSARY = path.join(REPO_ROOT, 'config/glossary.yaml');

describe('results: level bands file', () => {
  let tmp: TempDir;
  beforeEach(() => { tmp = tempDir(); });
  afterEach(() => tmp.remove());

  it('finds the boundaries per test, moment and scale; a family-specific entry wins over the subject\'s', () => {
    const file = tmp.write('bands.yaml', `
tests:
  - subject: Spelling
    moments:
      M4: { AE: [150, 140, 130, 120] }
  - family: IEP
    subject: spelling
    moments:
      M4: { AE: [90, 80, 70, 60], IV: [92, 84, 76, 68] }
`);
    const bands = loadLevelBands(file);
    expect(bandsFor(bands, { subject: 'spelling', family: 'Cito LiB', moment: 'M', jaargroep: 4 }, 'AE')).to.deep.equal([150, 140, 130, 120]);
    expect(bandsFor(bands, { subject: 'spelling', family: 'iep', moment: 'M', jaargroep: 4 }, 'AE')).to.deep.equal([90, 80, 70, 60]);
    expect(bandsFor(bands, { subject: 'spelling', moment: 'M', jaargroep: 4 }, 'IV'), 'not for this test').to.equal(undefined);
    expect(bandsFor(bands, { subject: 'spelling', moment: 'E', jaargroep: 4 }, 'AE'), 'not for this moment').to.equal(undefined);
    expect(bandsFor(bands, { subject: 'spelling', moment: 'M' }, 'AE'), 'group unknown').to.equal(undefined);
  });

  it('without a file there are no bands', () => {
    expect(loadLevelBands(undefined).tests).to.deep.equal([]);
  });

  it('refuses a file with every problem named by file and key', () => {
    const file = tmp.write('bands.yaml', `
tests:
  - subject: rekenen
    moments:
      M4: { AE: [130, 140, 120, 110] }
      X9: { AE: [150, 140, 130, 120] }
      E4: { AE: [150, 140, 130] }
      M5: {}
  - subject: Rekenen
    moments: {}
`);
    const problems = problemsOf(() => loadLevelBands(file));
    expect(problems).to.include.members([
      `${file}: tests[0].moments.M4.AE: expected falling scores: the best level's boundary first`,
      `${file}: tests[0].moments.X9: expected a moment like "M4" or "E7"`,
      `${file}: tests[0].moments.E4.AE: expected 4 scores, best level first`,
      `${file}: tests[0].moments.M5: expected AE or IV boundaries (or both)`,
      `${file}: tests[1]: this family and subject are listed twice`,
    ]);
  });
});

describe('results: glossary file', () => {
  let tmp: TempDir;
  beforeEach(() => { tmp = tempDir(); });
  afterEach(() => tmp.remove());

  it('config/glossary.yaml explains every term the pages mark, and the vocabulary of DOMAIN.md, in Dutch and English', () => {
    const glossary = loadGlossary(GLOSSARY);
    const ids = glossary.terms.map((t) => t.id);
    expect(ids).to.include.members([
      ...Object.values(PAGE_TERMS), ...Object.values(SCALE_TERMS), ...Object.values(REFERENCE_TERMS),
      'lvs', 'iep', 'groepsplan', 'handelingsplan', 'opp', 'verzuim', 'luxe-verzuim', 'jaargroep', 'samengestelde-groep',
    ]);
    expect(lookupTerm(glossary, 'percentiel', 'nl')?.text).to.match(/^Het percentage kinderen/);
    expect(lookupTerm(glossary, 'percentiel', 'en')?.term).to.equal('percentile (percentiel)');
    expect(lookupTerm(glossary, 'no-such-term', 'nl')).to.equal(undefined);
  });

  it('refuses a term without English, a duplicate id and an id that cannot be an anchor', () => {
    const file = tmp.write('glossary.yaml', `
terms:
  - id: dle
    term: { nl: DLE, en: DLE }
    text: { nl: Maanden onderwijs. }
  - id: dle
    term: { nl: DLE, en: DLE }
    text: { nl: x, en: y }
  - id: Niveau A
    term: { nl: niveau, en: level }
    text: { nl: x, en: y }
`);
    expect(problemsOf(() => loadGlossary(file))).to.include.members([
      `${file}: terms[0].text.en: missing (expected string)`,
      `${file}: terms[1].id: id "dle" is used twice`,
      `${file}: terms[2].id: expected an id like "niveau-a-e" (lower case, digits, hyphens)`,
    ]);
  });

  it('names the file when it cannot be read or parsed', () => {
    expect(problemsOf(() => loadGlossary(path.join(tmp.dir, 'missing.yaml')))[0]).to.match(/missing\.yaml: cannot read the config file \(ENOENT\)/);
    const broken = tmp.write('broken.yaml', 'terms:\n  - id: a\n   term: x\n');
    expect(problemsOf(() => loadGlossary(broken))[0]).to.match(/broken\.yaml:3:\d+: /);
  });
});

describe('results: config', () => {
  it('defaults to the A–E scale and the shipped glossary, with no level bands', () => {
    const config = loadConfig({ values: { school: { name: 'OBS De Regenboog', brin: '12AB' }, sis: { stack: [{ adapter: 'mock' }] } }, env: {} });
    expect(config.results).to.deep.equal({ levelScale: 'AE', glossary: 'config/glossary.yaml' });
    const story = loadResultsStory(config.results);
    expect(story.bands.tests).to.deep.equal([]);
    expect(story.glossary.terms.length).to.be.greaterThan(15);
  });

  it('the demo school reports A–E with its invented bands', () => {
    const config = loadConfig({ file: path.join(REPO_ROOT, 'config/demo.yaml'), env: {} });
    expect(config.results.levelBands).to.equal('config/level-bands.demo.yaml');
    const story = loadResultsStory({ ...config.results, levelBands: path.join(REPO_ROOT, config.results.levelBands!) });
    expect(story.bands.tests.map((t) => t.subject)).to.have.members(['rekenen-wiskunde', 'begrijpend lezen', 'spelling', 'technisch lezen']);
  });

  it('refuses a scale that is not A–E or I–V', () => {
    expect(problemsOf(() => loadConfig({
      values: { school: { name: 'X', brin: '12AB' }, sis: { stack: [{ adapter: 'mock' }] }, results: { levelScale: 'I+' } }, env: {},
    })).join('\n')).to.match(/results\.levelScale: expected one of "AE"\|"IV"/);
  });
});
