import { expect } from 'chai';
import Handlebars from 'handlebars';
import { t, type Locale } from '../../../gateway/i18n/translate.ts';
import { registerHelpers } from '../../../gateway/views/helpers/index.ts';
import { createKeptPartial } from '../../../gateway/views/kept-partial.ts';

/** An engine-like instance with one partial that counts its renders. */
function instance(keep: boolean) {
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  hbs.registerHelper('keptPartial', createKeptPartial(hbs, { keep }));
  let renders = 0;
  hbs.registerHelper('counted', () => {
    renders += 1;
    return '';
  });
  hbs.registerPartial('scores', '{{counted}}{{t "results.lvs.heading"}}: {{#each rows}}{{formatNumber score}};{{/each}}');
  const page = hbs.compile('<p>{{viewer}}</p>{{#each wrap as |w|}}{{keptPartial "scores" ../view}}{{/each}}');
  return { hbs, page, renders: () => renders };
}

const heading = (locale: Locale) => Handlebars.escapeExpression(t(locale, 'results.lvs.heading'));
const frozenView = (score: number) => Object.freeze({ rows: Object.freeze([Object.freeze({ score })]) });

describe('views: keptPartial', () => {
  it('renders a partial over a frozen view once per locale and reuses the HTML, the same bytes as a plain partial', () => {
    const { hbs, page, renders } = instance(true);
    const view = frozenView(7.5);
    const first = page({ locale: 'nl', viewer: 'A', view, wrap: [1] });
    const plain = hbs.compile('<p>{{viewer}}</p>{{> scores view}}')({ locale: 'nl', viewer: 'A', view });
    expect(first).to.equal(plain);
    expect(first).to.equal(`<p>A</p>${heading('nl')}: 7,5;`);
    expect(page({ locale: 'nl', viewer: 'B', view, wrap: [1] })).to.equal(`<p>B</p>${heading('nl')}: 7,5;`);
    expect(renders()).to.equal(2); // the plain partial once, keptPartial once
    expect(page({ locale: 'en', viewer: 'B', view, wrap: [1] })).to.equal(`<p>B</p>${heading('en')}: 7.5;`);
    expect(renders()).to.equal(3);
  });

  it('shows another view its own content: a kept fragment belongs to one view object', () => {
    const { page } = instance(true);
    expect(page({ locale: 'nl', view: frozenView(6), wrap: [1] })).to.include('6;');
    expect(page({ locale: 'nl', view: frozenView(9), wrap: [1] })).to.include('9;');
  });

  it('renders a view that is not frozen every time (not a shared view), and keeps nothing in development', () => {
    const kept = instance(true);
    const view = { rows: [{ score: 5 }] };
    kept.page({ locale: 'nl', view, wrap: [1] });
    view.rows[0]!.score = 8;
    expect(kept.page({ locale: 'nl', view, wrap: [1] })).to.include('8;');
    expect(kept.renders()).to.equal(2);
    const dev = instance(false);
    const frozen = frozenView(4);
    dev.page({ locale: 'nl', view: frozen, wrap: [1] });
    dev.page({ locale: 'nl', view: frozen, wrap: [1] });
    expect(dev.renders()).to.equal(2);
  });

  it('lets the partial read nothing of the page around it: not @root, not ../, not a block parameter', () => {
    const hbs = Handlebars.create();
    registerHelpers(hbs);
    hbs.registerHelper('keptPartial', createKeptPartial(hbs, { keep: true }));
    hbs.registerPartial('nosy', '[{{@root.viewer}}|{{../viewer}}|{{w}}|{{@root.csrfToken}}|{{@root.locale}}|{{title}}]');
    const page = hbs.compile('{{#each wrap as |w|}}{{keptPartial "nosy" ../view}}{{/each}}');
    const view = Object.freeze({ title: 'Rekenen' });
    const html = page({ locale: 'en', viewer: 'Anna de Vries', csrfToken: 'secret-token', view, wrap: ['block-param'] });
    expect(html).to.equal('[||||en|Rekenen]');
  });

  it('names a missing partial and a missing name', () => {
    const { hbs } = instance(true);
    expect(() => hbs.compile('{{keptPartial "nope" view}}')({ view: {} })).to.throw(/no partial "nope"/);
    expect(() => hbs.compile('{{keptPartial view}}')({ view: {} })).to.throw(/name comes first/);
  });
});
