import { expect } from 'chai';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createViewEngine } from '../../../gateway/views/engine.ts';

function render(engine: ReturnType<typeof createViewEngine>, file: string, options: object): Promise<string> {
  return new Promise((resolve, reject) => {
    engine(file, options, (err, html) => (err ? reject(err) : resolve(html!)));
  });
}

describe('views: engine', () => {
  let dir: string;
  const page = (name: string) => path.join(dir, 'pages', `${name}.hbs`);

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ouderpoort-views-'));
    for (const sub of ['layouts', 'partials/forms', 'pages']) mkdirSync(path.join(dir, sub), { recursive: true });
    writeFileSync(path.join(dir, 'layouts/main.hbs'), '<html lang="{{lang}}"><main>{{body}}</main></html>');
    writeFileSync(path.join(dir, 'layouts/public.hbs'), '<public>{{body}}</public>');
    writeFileSync(path.join(dir, 'partials/greeting.hbs'), '<b>{{t "nav.help"}}</b>\n');
    writeFileSync(path.join(dir, 'partials/forms/field.hbs'), '<input name="{{name}}">');
    writeFileSync(page('hello'), '<p>{{name}}</p>{{> greeting}}');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('renders a page inside the main layout by default', async () => {
    const html = await render(createViewEngine({ viewsDir: dir, cache: false }), page('hello'), { name: 'Sanne', lang: 'nl' });
    expect(html).to.equal('<html lang="nl"><main><p>Sanne</p><b>Hulp</b></main></html>');
  });

  it('takes another layout by name, or none with layout: false', async () => {
    const engine = createViewEngine({ viewsDir: dir, cache: false });
    expect(await render(engine, page('hello'), { name: 'A', layout: 'public' })).to.equal('<public><p>A</p><b>Hulp</b></public>');
    expect(await render(engine, page('hello'), { name: 'A', layout: false })).to.equal('<p>A</p><b>Hulp</b>');
  });

  it('refuses a layout name that could leave the layouts folder', async () => {
    const engine = createViewEngine({ viewsDir: dir, cache: false });
    let error: unknown;
    try {
      await render(engine, page('hello'), { layout: '../pages/hello' });
    } catch (err) {
      error = err;
    }
    expect(String(error)).to.match(/Invalid layout name/);
  });

  it('registers partials from nested folders by their path', async () => {
    writeFileSync(page('form'), '{{> forms/field name="username"}}');
    const html = await render(createViewEngine({ viewsDir: dir, cache: false }), page('form'), { layout: false });
    expect(html).to.equal('<input name="username">');
  });

  it('uses the helpers from the list, in the page\'s locale', async () => {
    writeFileSync(page('helpers'), '{{t "nav.logout"}}|{{formatDate d}}|{{#if (eq a "x")}}yes{{/if}}');
    const engine = createViewEngine({ viewsDir: dir, cache: false });
    // CLDR versions differ on the comma after the weekday.
    expect(await render(engine, page('helpers'), { layout: false, locale: 'en', d: '2026-12-14', a: 'x' }))
      .to.match(/^Log out\|Monday,? 14 December 2026\|yes$/);
    expect(await render(engine, page('helpers'), { layout: false, locale: 'nl', d: '2026-12-14', a: 'y' }))
      .to.equal('Uitloggen|maandag 14 december 2026|');
  });

  it('escapes values, including values interpolated into messages', async () => {
    writeFileSync(page('escape'), '<p title="{{v}}">{{v}}</p>{{t "absences.title" name=v}}');
    const html = await render(createViewEngine({ viewsDir: dir, cache: false }), page('escape'), {
      layout: false, locale: 'nl', v: '<script>alert("x")</script>',
    });
    expect(html).not.to.include('<script>');
    expect(html).to.include('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).to.include('Absenties van &lt;script&gt;');
  });

  it('does not hand Express\'s own options to the templates', async () => {
    writeFileSync(page('settings'), '[{{settings.env}}][{{_locals.x}}][{{cache}}]');
    const html = await render(createViewEngine({ viewsDir: dir, cache: false }), page('settings'), {
      layout: false, settings: { env: 'production' }, _locals: { x: 1 }, cache: true,
    });
    expect(html).to.equal('[][][]');
  });

  it('with cache on, compiles once; with cache off, sees edits', async () => {
    const cached = createViewEngine({ viewsDir: dir, cache: true });
    const fresh = createViewEngine({ viewsDir: dir, cache: false });
    expect(await render(cached, page('hello'), { name: 'A', layout: false })).to.equal('<p>A</p><b>Hulp</b>');
    writeFileSync(page('hello'), '<p>changed {{name}}</p>');
    writeFileSync(path.join(dir, 'partials/greeting.hbs'), 'changed');
    expect(await render(cached, page('hello'), { name: 'A', layout: false })).to.equal('<p>A</p><b>Hulp</b>');
    expect(await render(fresh, page('hello'), { name: 'A', layout: false })).to.equal('<p>changed A</p>');
  });

  it('renders as bytes on asking: the same page, a kept fragment spliced in as the one Buffer it was encoded to', async () => {
    writeFileSync(path.join(dir, 'partials/scores.hbs'), '<ol>{{#each rows}}<li>{{this}} → ✓</li>{{/each}}</ol>');
    writeFileSync(page('kept'), '<h1>{{viewer}}</h1>{{keptPartial "scores" view}}<p>{{viewer}} ë</p>');
    const engine = createViewEngine({ viewsDir: dir, cache: true });
    const view = Object.freeze({ rows: Object.freeze(['7', '8,5']) });
    const asText = await render(engine, page('kept'), { lang: 'nl', locale: 'nl', viewer: 'Anouk', view });
    const asBytes = (await render(engine, page('kept'), { lang: 'nl', locale: 'nl', viewer: 'Anouk', view, asBytes: true })) as unknown;
    expect(Buffer.isBuffer(asBytes)).to.equal(true);
    expect((asBytes as Buffer).toString('utf8')).to.equal(asText);
    expect(asText).to.equal('<html lang="nl"><main><h1>Anouk</h1><ol><li>7 → ✓</li><li>8,5 → ✓</li></ol><p>Anouk ë</p></main></html>');
    // Another viewer, the same view: their own name around the same kept bytes; no marker left anywhere.
    const other = ((await render(engine, page('kept'), { lang: 'nl', locale: 'nl', viewer: 'Bram', view, asBytes: true })) as unknown as Buffer).toString('utf8');
    expect(other).to.equal(asText.replaceAll('Anouk', 'Bram'));
    expect(other).to.not.include('\u0000');
  });

  it('refuses a page whose kept marker did not arrive intact, rather than guess where the fragment goes', async () => {
    writeFileSync(path.join(dir, 'partials/scores.hbs'), '<i>{{word}}</i>');
    // The helper's output used twice over: the second copy has no fragment of its own.
    writeFileSync(page('twice'), '{{#with (keptPartial "scores" view) as |kept|}}{{kept}}{{kept}}{{/with}}');
    const engine = createViewEngine({ viewsDir: dir, cache: true });
    const view = Object.freeze({ word: 'x' });
    const failed = await render(engine, page('twice'), { layout: false, locale: 'nl', view, asBytes: true }).then(() => undefined, (err: Error) => err);
    expect(failed?.message).to.match(/marker did not reach the page intact/);
  });

  it('reports a missing template as an error', async () => {
    let error: unknown;
    try {
      await render(createViewEngine({ viewsDir: dir, cache: false }), page('nope'), {});
    } catch (err) {
      error = err;
    }
    expect((error as NodeJS.ErrnoException).code).to.equal('ENOENT');
  });
});
