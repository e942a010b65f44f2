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
