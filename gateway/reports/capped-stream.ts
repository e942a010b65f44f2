/**
 * Streams a report document to a response, never more than `maxBytes`: a declared size over the
 * cap is refused before the first byte; a stream that grows past it is cut off (the client sees
 * an aborted download, never a silently truncated "complete" file, because Content-Length was
 * promised or the connection is destroyed).
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

/** Writes the body; resolves with the bytes sent. Rejects with DocumentTooLargeError after destroying the response. */
export async function streamCapped(res: Response, doc: ReportDocument, maxBytes: number): Promise<number> {
  let sent = 0;
  for await (const chunk of doc.body) {
    sent += chunk.byteLength;
    if (sent > maxBytes) {
      res.destroy();
      throw new DocumentTooLargeError(maxBytes);
    }
    if (!res.write(chunk)) {
      // A client that goes away never drains: stop reading the SIS then.
      await new Promise<void>((resolve) => { res.once('drain', resolve); res.once('close', resolve); });
      if (res.destroyed) return sent;
    }
  }
  res.end();
  return sent;
}
