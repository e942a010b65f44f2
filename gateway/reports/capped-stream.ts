/**
 * Passes a report document on, never more than `maxBytes`: a declared size over the cap is refused
 * before the first byte; a document without a declared size is read whole (capped) before anything
 * is sent. A declared size is promised to the browser as Content-Length with status 200, so a body
 * that turns out longer or shorter than declared must not end as a normal response: the browser
 * would keep the first Content-Length bytes as a whole PDF (a longer body), or wait for bytes that
 * never come (a shorter one). Once the 200 has gone out, the connection is destroyed instead,
 * before the promised length is complete, and the browser shows a failed download; found before
 * anything was sent (a document that arrives in one piece), the caller can still answer with a page.
 */
import type { Response } from 'express';
import type { ReportDocument } from '../../adapters/contract/index.ts';

export class DocumentTooLargeError extends Error {
  readonly code = 'DOCUMENT_TOO_LARGE';
  constructor(readonly limit: number) {
    super(`The report document is larger than ${limit} bytes`);
  }
}

export const isDocumentTooLarge = (err: unknown): err is DocumentTooLargeError => (err as { code?: unknown } | null)?.code === 'DOCUMENT_TOO_LARGE';

export function checkDeclaredSize(doc: Pick<ReportDocument, 'byteLength'>, maxBytes: number): void {
  if (doc.byteLength !== undefined && doc.byteLength > maxBytes) throw new DocumentTooLargeError(maxBytes);
}

/**
 * The whole body of a document that declares no size, read before anything is sent, so one over
 * the cap can still be answered with a page; never more than `maxBytes` is held (the SIS stream
 * is closed as soon as it passes the cap). Rejects with DocumentTooLargeError.
 */
export async function readCapped(doc: Pick<ReportDocument, 'body'>, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let read = 0;
  for await (const chunk of doc.body) {
    read += chunk.byteLength;
    if (read > maxBytes) throw new DocumentTooLargeError(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The SIS's body was not the size it declared; `received` is how far the gateway read. */
export class DocumentSizeMismatchError extends Error {
  readonly code = 'DOCUMENT_SIZE_MISMATCH';
  constructor(readonly declared: number, readonly received: number, readonly larger: boolean) {
    super(`The report document is ${larger ? 'larger' : 'smaller'} than the ${declared} bytes the SIS declared`);
  }
}

export const isDocumentSizeMismatch = (err: unknown): err is DocumentSizeMismatchError => (err as { code?: unknown } | null)?.code === 'DOCUMENT_SIZE_MISMATCH';

/**
 * Writes a body of a declared size (checked against the cap before) and ends the response; resolves
 * with the bytes sent. The last chunk is held back until the SIS's stream has ended, so a body
 * longer than declared is found while the browser still lacks bytes: then, as for a shorter body,
 * this rejects with DocumentSizeMismatchError, the response destroyed (never ended) if its headers
 * went out, untouched otherwise.
 */
export async function streamDeclared(res: Response, doc: ReportDocument): Promise<number> {
  const declared = doc.byteLength;
  if (declared === undefined) throw new TypeError('streamDeclared needs a declared size (readCapped reads one without)');
  let sent = 0;
  let read = 0;
  let held: Uint8Array | undefined;
  const mismatch = (larger: boolean) => {
    if (res.headersSent) res.destroy();
    return new DocumentSizeMismatchError(declared, read, larger);
  };
  for await (const chunk of doc.body) {
    if (chunk.byteLength === 0) continue;
    read += chunk.byteLength;
    if (read > declared) throw mismatch(true);
    if (held) {
      sent += held.byteLength;
      if (!res.write(held)) {
        // A client that goes away never drains: stop reading the SIS then.
        await new Promise<void>((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
        if (res.destroyed) return sent;
      }
    }
    held = chunk;
  }
  if (read < declared) throw mismatch(false);
  if (held) sent += held.byteLength;
  res.end(held);
  return sent;
}
