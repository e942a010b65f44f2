/**
 * Reading OSO XML: well-formedness first (fast-xml-parser alone accepts broken input), then a
 * parse that keeps every value a string (phone numbers keep their leading zero) and turns the
 * repeatable elements into arrays even when a dossier holds just one.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XML_ENTITIES } from '../shared/xml-text.ts';

export type XmlNode = { readonly [key: string]: unknown };

/** Elements the schema lets repeat (maxOccurs > 1), wherever they appear. */
const LIST_ELEMENTS = new Set([
  'dossier', 'adres', 'communicatie', 'voornaam', 'gbavoornaam', 'adresbuitenland', 'nationaliteit',
  'schoolloopbaan', 'verzorger', 'toets', 'toetsonderdeel', 'referentiescore', 'onderdeel', 'domein',
  'document', 'diagnose', 'code', 'vroegschools', 'handelingsplan', 'cijferlijst', 'score',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Character references (Ren&#233;) decoded; XML's five entities, nothing of HTML.
  htmlEntities: XML_ENTITIES,
  isArray: (name) => LIST_ELEMENTS.has(name),
  // Attachments (base64 ZIPs) can be most of a file; nothing here reads them.
  stopNodes: ['*.bestandsinhoud'],
});

export type XmlOutcome = { ok: true; rootName: string; root: XmlNode; namespace?: string } | { ok: false; problem: string };

/** Parses one document; a problem names the line and column when the XML is broken. */
export function parseXml(text: string): XmlOutcome {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const valid = XMLValidator.validate(body);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const where = line === undefined ? '' : col === undefined ? ` (line ${line})` : ` (line ${line}, column ${col})`;
    return { ok: false, problem: `not well-formed XML${where}: ${msg}` };
  }
  const parsed = parser.parse(body) as Record<string, unknown>;
  const names = Object.keys(parsed);
  const rootName = names[0];
  if (names.length !== 1 || rootName === undefined) return { ok: false, problem: 'not well-formed XML: no single root element' };
  // `dossier` is a list element inside `dossiers`, so a lone root dossier comes back as a list too.
  const value = parsed[rootName];
  const root = Array.isArray(value) ? value[0] : value;
  return { ok: true, rootName, root: isNode(root) ? root : {}, namespace: rootNamespace(body) };
}

/** The namespace the root element is in, read from its start tag (the parser drops xmlns). */
function rootNamespace(text: string): string | undefined {
  const start = /<(?![?!])([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*([^>]*)>/.exec(text);
  if (!start) return undefined;
  const prefix = start[1] ? `:${start[1].slice(0, -1)}` : '';
  const attr = new RegExp(`\\sxmlns${prefix}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(start[2] ?? '');
  return attr ? (attr[2] ?? attr[3]) : undefined;
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The one child element `key`, or undefined (an element that repeated gives its first). */
export function child(node: XmlNode | undefined, key: string): XmlNode | undefined {
  const value = node?.[key];
  const first = Array.isArray(value) ? value[0] : value;
  return isNode(first) ? first : undefined;
}

/** Every child element `key` that has element content. */
export function children(node: XmlNode | undefined, key: string): XmlNode[] {
  const value = node?.[key];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.filter(isNode);
}

function asText(value: unknown): string | undefined {
  const raw = isNode(value) ? value['#text'] : value;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const trimmed = String(raw).trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The text of child element `key` (trimmed; undefined when absent or empty). */
export function text(node: XmlNode | undefined, key: string): string | undefined {
  const value = node?.[key];
  return asText(Array.isArray(value) ? value[0] : value);
}

/** The texts of a repeatable child element, in document order. */
export function texts(node: XmlNode | undefined, key: string): string[] {
  const value = node?.[key];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return all.map(asText).filter((t): t is string => t !== undefined);
}

/** An attribute of child element `key`. */
export function attribute(node: XmlNode | undefined, key: string, name: string): string | undefined {
  const value = node?.[key];
  const first = Array.isArray(value) ? value[0] : value;
  return isNode(first) ? asText(first[`@_${name}`]) : undefined;
}

/** An `xs:boolean` child: "true"/"1" and "false"/"0"; undefined when absent or unreadable. */
export function bool(node: XmlNode | undefined, key: string): boolean | undefined {
  const value = text(node, key)?.toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return undefined;
}

/** A decimal child as a number, or undefined. */
export function decimal(node: XmlNode | undefined, key: string): number | undefined {
  const value = text(node, key);
  if (value === undefined || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) return undefined;
  return Number(value);
}
