/**
 * The growth chart as the results page renders it (real templates, real d3 geometry), for the
 * edge cases a school meets: one moment only, a gap year, a level scale the school does not use,
 * scores far outside the usual bands. Each checks the SVG's structure and that the table next to
 * the chart holds the same values.
 */
import { expect } from 'chai';
import type { ResultsStory } from '../../../gateway/results/story.ts';
import { demoResultsStory } from './demo-story.ts';
import { lvs } from './fixtures.ts';
import { descendants, growthCharts, hasClass, renderResultsPage, tables, textOf, type SvgNode } from './render-results.ts';

const HEIGHT = 300;

/** The structure every chart has, whatever its data. */
function expectWellFormedChart(svg: SvgNode, html: string): void {
  expect(svg.attrs.role).to.equal('img');
  const [x0, y0, w, h] = (svg.attrs.viewBox ?? '').split(' ').map(Number);
  expect([x0, y0, h]).to.deep.equal([0, 0, HEIGHT]);
  expect(svg.attrs.width, 'natural width = viewBox width, so it shrinks but never stretches').to.equal(String(w));
  expect(svg.attrs.height).to.equal(String(HEIGHT));
  const title = descendants(svg, (n) => n.tag === 'title')[0];
  expect(title?.attrs.id).to.equal(svg.attrs['aria-labelledby']);
  expect(title?.text).to.match(/^Vaardigheidsscore .+ per toetsmoment$/);
  expect(html, 'the description the chart points at is on the page').to.include(`id="${svg.attrs['aria-describedby']}"`);
  const styled = descendants(svg, (n) => 'style' in n.attrs);
  expect(styled, 'no style attributes (CSP style-src self)').to.deep.equal([]);
  // Bands behind, then the data on top.
  const groups = svg.children.filter((n) => n.tag === 'g').map((g) => g.attrs.class);
  expect(groups.indexOf('chart-bands')).to.be.lessThan(groups.indexOf('chart-data'));
}

function points(svg: SvgNode) {
  const circles = descendants(svg, hasClass('growth-point'));
  const labels = descendants(svg, hasClass('point-label'));
  expect(labels).to.have.length(circles.length);
  return circles.map((c, i) => ({ cx: Number(c.attrs.cx), cy: Number(c.attrs.cy), label: labels[i]?.text ?? '', labelY: Number(labels[i]?.attrs.y) }));
}

const texts = (svg: SvgNode, cls: string) => descendants(svg, hasClass(cls)).map((n) => n.text);
const bands = (svg: SvgNode) => descendants(svg, hasClass('band'));
/** Number of separate shapes in a path (one "M" each). */
const runs = (d: string | undefined) => (d ?? '').split('M').length - 1;

/** The LVS table of a subject: its rows as [schoolYear, moment, test, score, level, other]. */
function lvsRows(html: string, subject: string): string[][] {
  const table = tables(html).find((t) => t.caption === `LVS-toetsen ${subject}`);
  if (!table) throw new Error(`no LVS table for ${subject}`);
  return table.rows;
}

describe('results: growth chart rendering', () => {
  it('draws three moments with the five A–E bands behind the line, and the table holds the same scores', async () => {
    const html = await renderResultsPage([
      lvs({ schoolYear: '2025-2026', moment: 'M', jaargroep: 3, score: 122, ae: 'C', extra: [{ code: 'PERCENTIEL', value: '33' }] }),
      lvs({ schoolYear: '2025-2026', moment: 'E', jaargroep: 3, score: 138, ae: 'C' }),
      lvs({ schoolYear: '2026-2027', moment: 'M', jaargroep: 4, score: 150, ae: 'C' }),
    ]);
    const [svg, ...more] = growthCharts(html);
    expect(more).to.deep.equal([]);
    expectWellFormedChart(svg!, html);
    expect(bands(svg!).map((b) => [b.attrs.class, b.attrs['data-level']])).to.deep.equal([
      ['band band-1', 'A'], ['band band-2', 'B'], ['band band-3', 'C'], ['band band-4', 'D'], ['band band-5', 'E'],
    ]);
    for (const band of bands(svg!)) expect(runs(band.attrs.d), 'one continuous band').to.equal(1);
    // In the right margin, and inside each band where the bands begin (issue 22 item 5).
    expect(texts(svg!, 'band-label')).to.deep.equal(['A', 'B', 'C', 'D', 'E', 'A', 'B', 'C', 'D', 'E']);
    expect(texts(svg!, 'band-label-inside')).to.deep.equal(['A', 'B', 'C', 'D', 'E']);
    expect(texts(svg!, 'tick-x')).to.deep.equal(['M3', 'E3', 'M4']);
    expect(texts(svg!, 'tick-year')).to.deep.equal(['2025-2026', '2026-2027']);
    expect(descendants(svg!, hasClass('growth-line'))).to.have.length(1);
    expect(descendants(svg!, hasClass('growth-gap')), 'no gap, no dashed bridge').to.deep.equal([]);

    const shown = points(svg!);
    expect(shown.map((p) => p.label)).to.deep.equal(['122', '138', '150']);
    expect(shown[0]!.cx).to.be.lessThan(shown[1]!.cx);
    expect(shown[0]!.cy, 'a higher score sits higher').to.be.greaterThan(shown[2]!.cy);

    const rows = lvsRows(html, 'Rekenen-wiskunde');
    expect(rows.map((r) => r[3]), 'table and chart show the same scores').to.deep.equal(shown.map((p) => p.label));
    expect(rows.map((r) => [r[0], r[1], r[4]])).to.deep.equal([
      ['2025-2026', 'midden, groep 3', 'C'], ['2025-2026', 'eind, groep 3', 'C'], ['2026-2027', 'midden, groep 4', 'C'],
    ]);
    expect(rows[0]![5]).to.equal('percentiel: 33');
    const page = textOf(html);
    expect(page).to.include('Rekenen-wiskunde: 3 toetsen, van midden groep 3 (2025-2026) tot midden groep 4 (2026-2027). De vaardigheidsscore ging van 122 naar 150.');
    expect(page).to.include('Niveau bij de laatste toets: C.');
    expect(page).to.include('De gekleurde banden achter de lijn zijn de landelijke niveaus A–E: A is het hoogste, E het laagste.');
  });

  it('with one moment only: one point, no line, the bands as one column', async () => {
    const html = await renderResultsPage([lvs({ subject: 'begrijpend lezen', schoolYear: '2026-2027', moment: 'M', jaargroep: 4, score: 158, ae: 'A' })]);
    const [svg] = growthCharts(html);
    expectWellFormedChart(svg!, html);
    expect(points(svg!).map((p) => p.label)).to.deep.equal(['158']);
    expect(descendants(svg!, hasClass('growth-line')), 'a single point draws no line').to.deep.equal([]);
    expect(bands(svg!)).to.have.length(5);
    // Each band is a rectangle one step wide, centred on the moment.
    const cx = points(svg!)[0]!.cx;
    for (const band of bands(svg!)) {
      const xs = [...(band.attrs.d ?? '').matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
      expect(Math.min(...xs) + Math.max(...xs)).to.be.closeTo(2 * cx, 0.2);
    }
    expect(texts(svg!, 'tick-x')).to.deep.equal(['M4']);
    expect(lvsRows(html, 'Begrijpend lezen').map((r) => r[3])).to.deep.equal(['158']);
    expect(textOf(html)).to.include('Begrijpend lezen: één toets, midden groep 4 (2026-2027), met vaardigheidsscore 158. Niveau: A.');
  });

  it('keeps a gap year on the axis: the line breaks, a dashed line bridges it, the bands go on', async () => {
    const html = await renderResultsPage([
      lvs({ schoolYear: '2023-2024', moment: 'M', jaargroep: 5, score: 180, ae: 'B' }),
      lvs({ schoolYear: '2023-2024', moment: 'E', jaargroep: 5, score: 186, ae: 'B' }),
      lvs({ schoolYear: '2025-2026', moment: 'M', jaargroep: 7, score: 205, ae: 'C' }),
      lvs({ schoolYear: '2025-2026', moment: 'E', jaargroep: 7, score: 211, ae: 'C' }),
    ]);
    const [svg] = growthCharts(html);
    expectWellFormedChart(svg!, html);
    expect(texts(svg!, 'tick-x'), 'groep 6 inferred for the empty year').to.deep.equal(['M5', 'E5', 'M6', 'E6', 'M7', 'E7']);
    expect(texts(svg!, 'tick-year')).to.deep.equal(['2023-2024', '2024-2025', '2025-2026']);
    const line = descendants(svg!, hasClass('growth-line'))[0];
    expect(runs(line?.attrs.d), 'two solid pieces').to.equal(2);
    const gap = descendants(svg!, hasClass('growth-gap'))[0];
    expect(runs(gap?.attrs.d), 'one dashed bridge').to.equal(1);
    for (const band of bands(svg!)) expect(runs(band.attrs.d), 'bands continue through the gap').to.equal(1);
    const shown = points(svg!);
    expect(shown.map((p) => p.label)).to.deep.equal(['180', '186', '205', '211']);
    const step = shown[1]!.cx - shown[0]!.cx;
    expect(shown[2]!.cx - shown[1]!.cx, 'the empty year keeps its width').to.be.closeTo(3 * step, 0.3);
    expect(lvsRows(html, 'Rekenen-wiskunde').map((r) => r[3])).to.deep.equal(shown.map((p) => p.label));
    const page = textOf(html);
    expect(page).to.include('Geen toets bij midden groep 6 (2024-2025) en eind groep 6 (2024-2025).');
    expect(page).to.include('Een stippellijn loopt over een moment zonder toets.');
  });

  it('a repeated year leaves the group of the gap unknown: no bands there, and the text says so', async () => {
    const html = await renderResultsPage([
      lvs({ schoolYear: '2023-2024', moment: 'M', jaargroep: 5, score: 170 }),
      lvs({ schoolYear: '2025-2026', moment: 'M', jaargroep: 6, score: 190 }),
    ]);
    const [svg] = growthCharts(html);
    // Groep 5 + 1 year says 6, groep 6 − 1 year says 5: the empty year's group is not known.
    expect(texts(svg!, 'tick-x')).to.deep.equal(['M5', 'M', 'M6']);
    for (const band of bands(svg!)) expect(runs(band.attrs.d)).to.equal(2);
    expect(textOf(html)).to.include('Niet voor elk toetsmoment zijn de landelijke niveaus bekend.');
  });

  describe('a level scale the school does not use', () => {
    const onlyAeBands: ResultsStory = {
      levelScale: 'IV',
      glossary: demoResultsStory.glossary,
      bands: { tests: [{ subject: 'rekenen-wiskunde', moments: { M4: { AE: [164, 154, 145, 137] }, E4: { AE: [175, 165, 156, 148] } } }] },
    };

    it('shows a result\'s A–E level as it is, marked with its scale, and draws no I–V bands it does not have', async () => {
      const html = await renderResultsPage([
        lvs({ schoolYear: '2025-2026', moment: 'M', jaargroep: 4, score: 150, ae: 'C' }),
        lvs({ schoolYear: '2025-2026', moment: 'E', jaargroep: 4, score: 166, ae: 'B' }),
      ], { story: onlyAeBands });
      const [svg] = growthCharts(html);
      expectWellFormedChart(svg!, html);
      expect(bands(svg!), 'no I–V boundaries for this test').to.deep.equal([]);
      expect(texts(svg!, 'band-label')).to.deep.equal([]);
      expect(points(svg!).map((p) => p.label)).to.deep.equal(['150', '166']);
      expect(lvsRows(html, 'Rekenen-wiskunde').map((r) => r[4])).to.deep.equal(['C (A–E)', 'B (A–E)']);
      const page = textOf(html);
      expect(page).to.include('Niveau bij de laatste toets: B (schaal A–E).');
      expect(page).to.include('Voor deze toets heeft de school de landelijke niveaus niet ingevoerd; de grafiek toont alleen de lijn.');
    });

    it('on the I–V scale with I–V bands: five bands I to V, the I–V level in the table', async () => {
      const html = await renderResultsPage([
        lvs({ schoolYear: '2025-2026', moment: 'M', jaargroep: 4, score: 150, ae: 'C', iv: 'IV' }),
        lvs({ schoolYear: '2025-2026', moment: 'E', jaargroep: 4, score: 166, ae: 'B', iv: 'III' }),
      ], { story: { ...demoResultsStory, levelScale: 'IV' } });
      const [svg] = growthCharts(html);
      expect(bands(svg!).map((b) => b.attrs['data-level'])).to.deep.equal(['I', 'II', 'III', 'IV', 'V']);
      expect(texts(svg!, 'band-label')).to.include.members(['I', 'V']);
      expect(lvsRows(html, 'Rekenen-wiskunde').map((r) => r[4])).to.deep.equal(['IV', 'III']);
      expect(textOf(html)).to.include('landelijke niveaus I–V: I is het hoogste, V het laagste.');
    });
  });

  it('keeps scores far outside the usual bands inside the picture, with every band still visible', async () => {
    const html = await renderResultsPage([
      lvs({ schoolYear: '2026-2027', moment: 'M', jaargroep: 4, score: 60, ae: 'E' }),
      lvs({ schoolYear: '2026-2027', moment: 'E', jaargroep: 4, score: 320, ae: 'A' }),
    ]);
    const [svg] = growthCharts(html);
    expectWellFormedChart(svg!, html);
    const top = 30;
    const bottom = HEIGHT - 52;
    const [low, high] = points(svg!);
    for (const p of [low!, high!]) {
      expect(p.cy).to.be.within(top, bottom);
      expect(p.labelY).to.be.within(top, bottom);
    }
    for (const p of [low!, high!]) expect(Math.abs(p.labelY - p.cy), 'the value clear of its point').to.be.at.least(8);
    const ticks = texts(svg!, 'tick-y').map(Number);
    expect(Math.min(...ticks)).to.be.at.most(60);
    expect(Math.max(...ticks)).to.be.at.least(320);
    // The best band reaches the top of the plot, the lowest the bottom, so both scores sit in one.
    const ys = (d: string | undefined) => [...(d ?? '').matchAll(/-?\d+(?:\.\d+)?,(-?\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));
    const [best, , , , lowest] = bands(svg!);
    expect(Math.min(...ys(best?.attrs.d))).to.equal(top);
    expect(Math.max(...ys(lowest?.attrs.d))).to.equal(bottom);
    expect(lvsRows(html, 'Rekenen-wiskunde').map((r) => r[3])).to.deep.equal(['60', '320']);
  });

  it('describes the chart in English on an English page', async () => {
    const html = await renderResultsPage([
      lvs({ schoolYear: '2025-2026', moment: 'M', jaargroep: 3, score: 122, ae: 'C' }),
      lvs({ schoolYear: '2025-2026', moment: 'E', jaargroep: 3, score: 138, ae: 'C' }),
    ], { locale: 'en' });
    const [svg] = growthCharts(html);
    expect(descendants(svg!, (n) => n.tag === 'title')[0]?.text).to.equal('Ability score in Rekenen-wiskunde per test moment');
    const page = textOf(html);
    expect(page).to.include('Rekenen-wiskunde: 2 tests, from middle of year, group 3 (2025-2026) to end of year, group 3 (2025-2026). The ability score went from 122 to 138.');
    expect(page).to.include('The coloured bands behind the line are the national levels A–E');
  });

  it('draws no chart for results without a vaardigheidsscore, and one chart per test family', async () => {
    const html = await renderResultsPage([
      lvs({ subject: 'woordenschat', schoolYear: '2025-2026', moment: 'M', jaargroep: 5, ae: 'B' }),
      lvs({ subject: 'spelling', schoolYear: '2025-2026', moment: 'M', jaargroep: 5, score: 150 }),
      lvs({ subject: 'spelling', family: 'IEP', schoolYear: '2026-2027', moment: 'M', jaargroep: 6, score: 82 }),
    ]);
    const titles = growthCharts(html).map((svg) => descendants(svg, (n) => n.tag === 'title')[0]?.text);
    expect(titles).to.deep.equal([
      'Vaardigheidsscore Spelling (Cito LiB) per toetsmoment', 'Vaardigheidsscore Spelling (IEP) per toetsmoment',
    ]);
    expect(lvsRows(html, 'Woordenschat').map((r) => r[4])).to.deep.equal(['B']);
    expect(html).not.to.match(/\sstyle=/);
  });
});
