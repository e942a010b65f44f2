/**
 * The rest of the results page's story: method tests as a short trend with the method's name,
 * the doorstroomtoets apart, jargon marked in place from the glossary, and the school's note.
 */
import { expect } from 'chai';
import type { ResultsStory } from '../../../gateway/results/story.ts';
import { demoResultsStory } from './demo-story.ts';
import { doorstroom, lvs, methodTest } from './fixtures.ts';
import { renderResultsPage, tables, textOf } from './render-results.ts';

const method = [
  methodTest('rekenen', 'Pluspunt', 1, '2026-10-01', 6.2),
  methodTest('rekenen', 'Pluspunt', 2, '2026-11-04', 6.8),
  methodTest('rekenen', 'Pluspunt', 3, '2026-12-07', 7.4),
  methodTest('spelling', 'Staal spelling', 1, '2026-10-02', 'goed'),
  methodTest('spelling', 'Staal spelling', 2, '2026-11-10', 'voldoende'),
];

/** The part of the page from one h3 to the next. */
function subjectBlock(html: string, heading: string): string {
  const start = html.indexOf(`>${heading}</h3>`);
  if (start < 0) throw new Error(`no subject ${heading}`);
  const next = html.indexOf('<h3', start);
  return html.slice(start, next < 0 ? undefined : next);
}

describe('results page: method trend, doorstroomtoets, glossary, note', () => {
  it('shows each method subject\'s latest test first, with the method\'s name, the grades as a small line and every test listed', async () => {
    const html = await renderResultsPage(method, { lvs: false });
    const rekenen = subjectBlock(html, 'Rekenen');
    expect(textOf(rekenen)).to.include('Methode: Pluspunt');
    expect(textOf(rekenen)).to.include('Laatste toets: 7,4 Pluspunt blok 3, 7 dec 2026');
    const spark = /<svg class="sparkline"[^>]*aria-hidden="true"[\s\S]*?<\/svg>/.exec(rekenen)?.[0] ?? '';
    expect(spark.match(/<circle/g), 'one dot per grade').to.have.length(3);
    expect(spark).to.include('class="sparkline-point sparkline-last"');
    const table = tables(html).find((t) => t.caption === 'Methodetoetsen Rekenen');
    expect(table?.rows.map((r) => r[2]), 'newest first, earlier ones still there').to.deep.equal(['7,4', '6,8', '6,2']);

    const spelling = subjectBlock(html, 'Spelling');
    expect(textOf(spelling)).to.include('Laatste toets: voldoende');
    expect(spelling, 'words make no line').not.to.include('class="sparkline"');
  });

  it('lists the doorstroomtoets apart from the LVS, with the referentieniveau per part and the advice', async () => {
    const html = await renderResultsPage([
      doorstroom('lezen', { ref: '2F' }), doorstroom('rekenen', { ref: '1S' }), doorstroom('toetsadvies', { score: 'havo' }),
    ], { method: false });
    const table = tables(html).find((t) => t.caption === 'Uitslag van de doorstroomtoets');
    expect(table?.rows).to.deep.equal([
      ['Lezen', 'referentieniveau: 2F'], ['Rekenen', 'referentieniveau: 1S'], ['Toetsadvies', 'havo'],
    ]);
    expect(html).to.include('<h2 id="doorstroom-heading">Doorstroomtoets</h2>');
    expect(html).to.match(/<summary title="De verplichte toets in groep 8[^"]*">doorstroomtoets<\/summary>/);
  });

  it('marks the jargon in place: a <details> per term with its explanation and a link to the glossary page', async () => {
    const html = await renderResultsPage([
      ...method,
      lvs({ schoolYear: '2026-2027', moment: 'M', jaargroep: 5, score: 160, ae: 'C', extra: [{ code: 'PERCENTIEL', value: '42' }, { code: 'DLE', value: '24' }] }),
    ]);
    const terms = [...html.matchAll(/<details class="term"><summary title="([^"]+)">([^<]+)<\/summary><span class="term-text">[\s\S]*?<a href="\/begrippen#([a-z0-9-]+)">/g)]
      .map((m) => [m[2], m[3]]);
    expect(terms).to.deep.include.members([
      ['methodetoets', 'methodetoets'], ['LVS-toets', 'lvs-toets'], ['vaardigheidsscore', 'vaardigheidsscore'],
      ['niveau A tot en met E', 'niveau-a-e'], ['toetsmoment (B, M, E)', 'toetsmoment'],
      // The table's column headers are terms too, in the words of the column.
      ['Vaardig\u00adheids\u00adscore', 'vaardigheidsscore'], ['Niveau', 'niveau-a-e'],
    ]);
    // Codes in the table link to their entry and explain themselves on hover.
    expect(html).to.match(/<a class="term-link" href="\/begrippen#percentiel" title="Het percentage kinderen[^"]*">percentiel<\/a>: 42/);
    expect(html).to.match(/<a class="term-link" href="\/begrippen#dle" title="[^"]+">DLE<\/a>: 24/);
    expect(html).not.to.match(/<script|\sstyle=|\son[a-z]+=/i);
  });

  it('shows a term the school left out of its glossary as the plain word', async () => {
    const sparse: ResultsStory = { ...demoResultsStory, glossary: { terms: demoResultsStory.glossary.terms.filter((t) => t.id !== 'vaardigheidsscore') } };
    const html = await renderResultsPage([lvs({ schoolYear: '2026-2027', moment: 'M', jaargroep: 5, score: 160 })], { story: sparse });
    expect(html).not.to.include('href="/begrippen#vaardigheidsscore"');
    expect(html).to.match(/<th scope="col" class="num">Vaardig\u00adheids\u00adscore<\/th>/);
  });

  it('puts the school\'s note first, with the way to the glossary, in the page\'s language', async () => {
    const html = await renderResultsPage(method, { locale: 'en' });
    const note = /<div class="notice results-note">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
    expect(textOf(note)).to.equal('Eén toets is een momentopname. What the terms on this page mean');
    expect(note).to.include('<a href="/begrippen">');
    expect(html.indexOf('results-note'), 'before the results').to.be.lessThan(html.indexOf('method-heading'));
  });
});
