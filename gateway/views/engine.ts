/**
 * The Express view engine: plain Handlebars with layouts, partials and one explicit helper list.
 *
 *   app.engine('hbs', createViewEngine({ viewsDir, cache: production }));
 *   app.set('view engine', 'hbs'); app.set('views', viewsDir);
 *   res.render('pages/dashboard', { layout: 'main', ... })   // layout: false renders the page alone
 *
 * Layouts live in `<viewsDir>/layouts`, partials in `<viewsDir>/partials` (named by their path
 * without `.hbs`, e.g. `{{> child-nav}}`). The page's HTML reaches the layout as a SafeString
 * `{{body}}`, so no template needs a triple-stache. `{{keptPartial "name" view}}` renders a partial
 * over a frozen, shared view model once and reuses its HTML (kept-partial.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { registerHelpers } from './helpers/index.ts';
import { createKeptPartial, KEPT_BYTES, keptSlots, newKeptMarker, spliceKept } from './kept-partial.ts';

export interface ViewEngineOptions {
  viewsDir: string;
  /** Compile each template and load partials once (production); otherwise re-read per render. */
  cache: boolean;
}

/**
 * Express's engine signature says string; with `asBytes: true` in the render options the page
 * comes as its UTF-8 bytes instead, which Express hands to the render callback untouched
 * (routes/parent/render.ts renderToBytes is the one caller that asks).
 */
export type RenderCallback = (err: Error | null, html?: string) => void;
export type ViewEngine = (filePath: string, options: object, callback: RenderCallback) => void;

const LAYOUT_NAME = /^[a-z0-9-]+$/;
const ERROR_VIEW = /^errors\/([a-z0-9-]+)\.hbs$/;
/** Express merges these into the render options; templates have no business with them. */
const EXPRESS_KEYS = ['settings', '_locals', 'cache', 'layout', 'asBytes'] as const;

async function listTemplates(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.hbs'))
    .map((e) => path.join(e.parentPath, e.name));
}

export function createViewEngine({ viewsDir, cache }: ViewEngineOptions): ViewEngine {
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  hbs.registerHelper('keptPartial', createKeptPartial(hbs, { keep: cache }));
  const compiled = new Map<string, Promise<Handlebars.TemplateDelegate>>();
  const keptMarker = newKeptMarker();
  let partialsLoaded: Promise<void> | undefined;

  async function compileFile(file: string): Promise<Handlebars.TemplateDelegate> {
    const source = await readFile(file, 'utf8');
    return hbs.compile(source, { preventIndent: true });
  }

  function template(file: string): Promise<Handlebars.TemplateDelegate> {
    if (!cache) return compileFile(file);
    let entry = compiled.get(file);
    if (!entry) {
      entry = compileFile(file);
      compiled.set(file, entry);
      entry.catch(() => compiled.delete(file));
    }
    return entry;
  }

  async function loadPartials(): Promise<void> {
    const dir = path.join(viewsDir, 'partials');
    for (const file of await listTemplates(dir)) {
      const name = path.relative(dir, file).slice(0, -'.hbs'.length).split(path.sep).join('/');
      // Without its file's final newline, a partial used inline (a name in a <title>) adds no space.
      hbs.registerPartial(name, (await readFile(file, 'utf8')).replace(/\r?\n$/, ''));
    }
  }

  function partials(): Promise<void> {
    if (!cache || !partialsLoaded) {
      partialsLoaded = loadPartials();
      partialsLoaded.catch(() => { partialsLoaded = undefined; });
    }
    return partialsLoaded;
  }

  async function render(filePath: string, options: Record<string, unknown>): Promise<string | Buffer> {
    const layout = options.layout === undefined ? 'main' : options.layout;
    if (layout !== false && (typeof layout !== 'string' || !LAYOUT_NAME.test(layout))) {
      throw new Error(`Invalid layout name: ${String(layout)}`);
    }
    const context: Record<string | symbol, unknown> = { ...options };
    for (const key of EXPRESS_KEYS) delete context[key];
    const slots = options.asBytes === true ? keptSlots(keptMarker) : undefined;
    if (slots) context[KEPT_BYTES] = slots;
    // An error page is rendered from a dozen places; its title (WCAG 2.4.2) comes with the view.
    const errorPage = ERROR_VIEW.exec(path.relative(viewsDir, filePath).split(path.sep).join('/'));
    if (errorPage && context.titleKey === undefined) context.titleKey = `errors.${errorPage[1]}.title`;

    await partials();
    const body = (await template(filePath))(context);
    const html = layout === false
      ? body
      : (await template(path.join(viewsDir, 'layouts', `${layout}.hbs`)))({ ...context, body: new hbs.SafeString(body) });
    return slots ? spliceKept(html, slots) : html;
  }

  return (filePath, options, callback) => {
    render(filePath, options as Record<string, unknown>).then(
      (html) => callback(null, html as string),
      (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
    );
  };
}
