/**
 * XML bytes → text the way the XML and HTTP specs say, for the adapters that read XML (ParnasSys
 * SOAP, OSO dossiers). Exporters and SOAP stacks write ISO-8859-1 and windows-1252 as well as
 * UTF-8, say so in an HTTP `charset` or the XML declaration, and write names as character
 * references (`Ren&#233;`). Reading every answer as UTF-8 turns "Björn" into "Bj\uFFFDrn".
 *
 * Order (RFC 7303 §3.2, XML 1.0 appendix F): a byte order mark, else the HTTP charset, else the
 * declaration's `encoding`, else UTF-8.
 */

/** fast-xml-parser's `htmlEntities` option for XML: numeric character references and the five XML entities, nothing of HTML. */
export const XML_ENTITIES = { amp: '&', apos: "'", gt: '>', lt: '<', quot: '"' } as unknown as boolean;

export type DecodedXml = { ok: true; text: string; encoding: string } | { ok: false; problem: string };

const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** The `charset` parameter of a Content-Type header, lower-cased. */
export function charsetOf(contentType: unknown): string | undefined {
  if (typeof contentType !== 'string') return undefined;
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return m ? m[2]!.toLowerCase() : undefined;
}

/** The `encoding` of an XML declaration, read from the first bytes (ASCII-compatible encodings). */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const m = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head);
  return m ? m[1]!.toLowerCase() : undefined;
}

function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label);
  } catch {
    return undefined;
  }
}

/** Decodes an XML document; an encoding the platform does not know is a problem, never a guess. */
export function decodeXml(bytes: Uint8Array, contentType?: unknown): DecodedXml {
  for (const [mark, encoding] of BOMS) {
    if (mark.every((b, i) => bytes[i] === b)) {
      return { ok: true, text: new TextDecoder(encoding).decode(bytes.subarray(mark.length)), encoding };
    }
  }
  const label = charsetOf(contentType) ?? declaredEncoding(bytes) ?? 'utf-8';
  const decoder = decoderFor(label);
  if (!decoder) return { ok: false, problem: `the declared encoding "${label}" is not one we can read` };
  return { ok: true, text: decoder.decode(bytes), encoding: decoder.encoding };
}
