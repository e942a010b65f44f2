/**
 * One parent's browser for the bench: keeps the session cookie, follows no redirects, and times
 * each request. Connections are kept alive through a shared agent, as a browser would.
 */
import http from 'node:http';

export interface Response {
  status: number;
  location?: string;
  body: string;
  ms: number;
}

export class Browser {
  #cookie: string | undefined;

  constructor(private readonly base: URL, private readonly agent: http.Agent) {}

  get(path: string): Promise<Response> {
    return this.#request('GET', path);
  }

  postForm(path: string, fields: Record<string, string>): Promise<Response> {
    return this.#request('POST', path, new URLSearchParams(fields).toString());
  }

  #request(method: string, path: string, body?: string): Promise<Response> {
    const started = performance.now();
    const headers: Record<string, string> = { accept: 'text/html' };
    if (this.#cookie) headers.cookie = this.#cookie;
    if (body !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const req = http.request(new URL(path, this.base), { method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const setCookie = res.headers['set-cookie']?.[0];
          if (setCookie) this.#cookie = setCookie.split(';')[0];
          resolve({
            status: res.statusCode ?? 0,
            ...(res.headers.location ? { location: res.headers.location } : {}),
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          });
        });
        res.on('error', reject);
      });
      req.setTimeout(60_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  /** The session cookie, for a load generator that replays one logged-in parent. */
  get cookie(): string | undefined {
    return this.#cookie;
  }
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF token in page');
  return match[1];
}
