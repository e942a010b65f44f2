/**
 * The ETag of a cacheable public answer (the school's stylesheet and logo, the school-year feed).
 *
 * Express's own `etag` setting is off (gateway/app.ts): it hashed every body, the personal
 * `no-store` pages too, where no browser may keep the page and so none ever revalidates it: a
 * SHA-1 over 56 KB per results page for nothing. The answers a browser may keep set theirs here,
 * in the format Express used (a weak tag: length and SHA-1), so revalidation still gets a 304
 * (`res.send` compares it with If-None-Match).
 */
import { createHash } from 'node:crypto';

export function weakEtag(body: string | Buffer): string {
  const hash = createHash('sha1').update(body).digest('base64').substring(0, 27);
  return `W/"${Buffer.byteLength(body).toString(16)}-${hash}"`;
}
