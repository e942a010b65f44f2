/**
 * A real SMTP server on 127.0.0.1 (smtp-server) that keeps every message it accepts, parsed enough
 * for tests to read: recipients, subject, the plain-text and HTML parts. It can be stopped and
 * started again on the same port (the mail server is down, then back), and told to refuse
 * recipients with a 5xx (a permanent failure).
 *
 *   const smtp = await startTestSmtp();
 *   const t = await createTestApp({ values: smtpValues(smtp.port) });
 *   await t.services.delivery.runOnce();
 *   smtp.messages[0].text
 */
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  headers: Map<string, string>;
  subject: string;
  to: string;
  messageId: string;
  text: string;
  html?: string;
  raw: string;
}

export interface TestSmtp {
  port: number;
  messages: ReceivedMail[];
  /** Recipients answered with 550 (lower-case addresses). */
  refuse: Set<string>;
  /** Closes the listening socket: connections are refused until start(). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** The messages sent to one address. */
  to(address: string): ReceivedMail[];
}

/** Config values that point the app's mail at this server. */
export function smtpValues(port: number): Record<string, unknown> {
  return { mail: { transport: 'smtp', smtp: { host: '127.0.0.1', port, requireTls: false, timeout: '5s' } } };
}

function decodeQuotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const ch = joined[i]!;
    const hex = joined.slice(i + 1, i + 3);
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=), as nodemailer writes a non-ASCII subject. */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_w, _charset: string, enc: string, data: string) => (enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')).toString('utf8')));
}

interface Part { headers: Map<string, string>; body: string }

function parsePart(raw: string): Part {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** The part's text with line ends as the sender wrote them (\n; SMTP carries \r\n). */
function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  let text = part.body;
  if (encoding === 'quoted-printable') text = decodeQuotedPrintable(part.body).toString('utf8');
  else if (encoding === 'base64') text = Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return text.replace(/\r\n/g, '\n');
}

/** Leaf parts of a (possibly multipart) message, by content type. */
function leaves(part: Part): Array<{ type: string; text: string }> {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) {
    return [{ type: type.split(';')[0]!.trim().toLowerCase(), text: decodeBody(part) }];
  }
  const chunks = part.body.split(`--${boundary}`).slice(1);
  return chunks.filter((c) => !c.startsWith('--')).flatMap((c) => leaves(parsePart(c.replace(/^\r?\n/, ''))));
}

export function parseMail(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
  const top = parsePart(raw);
  const parts = leaves(top);
  const html = parts.find((p) => p.type === 'text/html')?.text;
  return {
    envelopeFrom: envelope.from,
    envelopeTo: envelope.to,
    headers: top.headers,
    subject: decodeWords(top.headers.get('subject') ?? ''),
    to: decodeWords(top.headers.get('to') ?? ''),
    messageId: top.headers.get('message-id') ?? '',
    text: parts.find((p) => p.type === 'text/plain')?.text ?? '',
    ...(html !== undefined && { html }),
    raw,
  };
}

export interface TestSmtpOptions {
  /**
   * Called with each message once its data is in, before the server answers; the answer (250)
   * waits for the promise, so a test can hold a delivery in flight (and kill its sender meanwhile).
   * Only answered messages are kept in `messages`.
   */
  beforeAccept?: (mail: ReceivedMail) => Promise<void> | void;
}

export async function startTestSmtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const refuse = new Set<string>();
  let port = 0;
  let server: SMTPServer | undefined;

  const create = () => new SMTPServer({
    authOptional: true,
    // No network here: a reverse lookup of 127.0.0.1 per connection would only wait.
    disableReverseLookup: true,
    // stop() means down now: open connections are cut at once (a 421), not after 30 s.
    closeTimeout: 1,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase())) {
        const err = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
        return callback(err);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((r) => r.address);
        const mail = parseMail(Buffer.concat(chunks).toString('utf8'), { from, to });
        void Promise.resolve(options.beforeAccept?.(mail)).then(() => {
          messages.push(mail);
          callback();
        }, (err: unknown) => callback(err as Error));
      });
    },
  });

  const api: TestSmtp = {
    get port() { return port; },
    messages,
    refuse,
    async start() {
      if (server) return;
      const s = create();
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(port, '127.0.0.1', () => resolve());
      });
      port = (s.server.address() as { port: number }).port;
      server = s;
    },
    async stop() {
      const s = server;
      server = undefined;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    to: (address) => messages.filter((m) => m.envelopeTo.map((a) => a.toLowerCase()).includes(address.toLowerCase())),
  };
  await api.start();
  return api;
}
