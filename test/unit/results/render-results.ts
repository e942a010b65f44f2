/**
 * The results page rendered by the real view engine and templates (no layout), and read back:
 * each growth chart's SVG parsed as XML, each table's body as rows of cell texts.
 */
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { TestResult } from '../../../adapters/contract/index.ts';
import type { Locale } from '../../../gateway/i18n/translate.ts';
import type { ResultsStory } from '../../../gateway/results/story.ts';
import { resultsView } from '../../../gateway/routes/parent/view-models/results.ts';
import { createViewEngine } from '../../../gateway/views/engine.ts';
import { demoResultsStory, REPO_ROOT } from './demo-story.ts';

const viewsDir = path.join(REPO_ROOT, 'views');
const engine = createViewEngine({ viewsDir, cache: true });

export interface RenderOptions {
  story?: ResultsStory;
  locale?: Locale;
  schoolYear?: string;
  method?: boolean;
  lvs?: boolean;
}

export function renderResultsPage(results: TestResult[], options: RenderOptions = {}): Promise<string> {
  const locale = options.locale ?? 'nl';
  const model = {
    layout: false,
    locale,
    titleKey: 'results.title',
    child: { name: 'Sanne de Vries', givenName: 'Sanne', groupName: 'groep 5', jaargroep: 5, teachers: [], nav: [] },
    resultsNote: 'Eén toets is een momentopname.',
    closures: [],
    results: resultsView(results, {
      method: options.method ?? true, lvs: options.lvs ?? true, schoolYear: options.schoolYear ?? '2026-2027',
      locale, story: options.story ?? demoResultsStory,
    }),
  };
  return new Promise((resolve, reject) => {
    engine(path.join(viewsDir, 'pages/results.hbs'), model, (err, html) => (err ? reject(err) : resolve(html ?? '')));
  });
}

type Attrs = Record<string, string>;
export interface SvgNode { tag: string; attrs: Attrs; text: string; children: SvgNode[] }

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, htmlEntities: true, parseAttributeValue: false, parseTagValue: false });

type Ordered = Array<Record<string, unknown>>;

function toNodes(items: Ordered): SvgNode[] {
  return items.flatMap((item) => {
    const tag = Object.keys(item).find((k) => k !== ':@');
    if (!tag || tag === '#text') return [];
    const children = toNodes(item[tag] as Ordered);
    const text = (item[tag] as Ordered).map((c) => (c['#text'] === undefined ? '' : String(c['#text']))).join('');
    return [{ tag, attrs: (item[':@'] ?? {}) as Attrs, text, children }];
  });
}

/** Every growth chart on the page, parsed (the SVG must be well-formed XML). */
export function growthCharts(html: string): SvgNode[] {
  return [...html.matchAll(/<svg class="growth-chart[\s\S]*?<\/svg>/g)].map((m) => {
    const nodes = toNodes(parser.parse(m[0]) as Ordered);
    if (nodes.length !== 1) throw new Error('expected one <svg> element');
    return nodes[0] as SvgNode;
  });
}

export function descendants(node: SvgNode, match: (n: SvgNode) => boolean): SvgNode[] {
  return node.children.flatMap((c) => [...(match(c) ? [c] : []), ...descendants(c, match)]);
}

export const hasClass = (name: string) => (n: SvgNode) => (n.attrs.class ?? '').split(/\s+/).includes(name);

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#x3D;': '=', '&#x60;': '`' };

function plain(html: string): string {
  // Inline elements join their text; block ones separate it.
  return html.replace(/<\/?(?:a|span|strong|abbr|dfn)\b[^>]*>/g, '').replace(/<[^>]+>/g, ' ').replace(/&[#\w]+;/g, (e) => ENTITIES[e] ?? e).replace(/\s+/g, ' ').trim();
}

export interface ParsedTable { caption: string; rows: string[][] }

/** Tables with a caption, their body rows as the cell texts a reader sees. */
export function tables(html: string): ParsedTable[] {
  return [...html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map((m) => {
    const body = m[1] ?? '';
    const caption = plain(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(body)?.[1] ?? '');
    const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? '';
    const rows = [...tbody.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...(r[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => plain(c[1] ?? '')));
    return { caption, rows };
  });
}

export function textOf(html: string): string {
  return plain(html);
}
