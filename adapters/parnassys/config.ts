/**
 * The ParnasSys adapter's config section. The supplier key is a secret: write it
 * `supplierKey: !env PARNASSYS_SUPPLIER_KEY` in the gateway config, never as a literal.
 * Messages never echo a value, so a misplaced key cannot end up in a boot log.
 */
import { z } from 'zod';

const messages = {
  endpointOrHost: 'give either `endpoint` (the full web service URL) or `host`, not both and not neither',
  httpsOnly: 'must be an https:// URL (plain http only for a loopback test double)',
  noUserinfo: 'must not carry a user name or password; the credentials are supplierName and supplierKey',
  noQuery: 'must not carry a query string or fragment',
  host: 'a host name such as "parnassys.net", without scheme or path',
  controlChar: 'must not contain control characters',
  brin: 'a BRIN code of four letters and digits, e.g. "12AB"',
  schoolYear: 'write the school year as "2026 / 2027" (or "2026-2027")',
  consecutive: 'the second year must follow the first',
  groupCode: 'a ParnasSys group code, e.g. "56"',
  staffId: 'a ParnasSys medewerker id',
  staffIds: 'name at least one medewerker id, or leave the group out',
};

/** The path of the generic web service, version 3, on a ParnasSys host. */
export const GENERIC_SERVICE_PATH = '/bao/services/cxf/v3/generic';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const SCHOOL_YEAR = /^\s*(\d{4})\s*[-/]\s*(\d{4})\s*$/;

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

const endpoint = z.url({ error: 'must be a URL' }).superRefine((value, ctx) => {
  const url = parseUrl(value);
  if (!url) return;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    ctx.addIssue({ code: 'custom', message: messages.httpsOnly });
  }
  if (url.username || url.password) ctx.addIssue({ code: 'custom', message: messages.noUserinfo });
  if (url.search || url.hash) ctx.addIssue({ code: 'custom', message: messages.noQuery });
});

const credential = z.string().min(1).refine((v) => !CONTROL_CHARS.test(v), messages.controlChar);

/** "2026 / 2027" or "2026-2027" in, ParnasSys's own "2026 / 2027" out. */
const schoolYear = z.string()
  .regex(SCHOOL_YEAR, messages.schoolYear)
  .refine((v) => {
    const m = SCHOOL_YEAR.exec(v);
    return m !== null && Number(m[2]) === Number(m[1]) + 1;
  }, messages.consecutive)
  .transform((v) => {
    const m = SCHOOL_YEAR.exec(v)!;
    return `${m[1]} / ${m[2]}`;
  });

export const parnassysConfigSchema = z.strictObject({
  /** The generic web service URL, e.g. https://parnassys.net/bao/services/cxf/v3/generic. */
  endpoint: endpoint.optional(),
  /** Instead of `endpoint`: the host; the standard path is added. */
  host: z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, messages.host).optional(),
  /** Leveranciernaam: the supplier account Topicus registered. */
  supplierName: credential,
  /** Leveranciersleutel: the supplier's secret key. From the environment only. */
  supplierKey: credential,
  /** The school's BRIN code (brinnummer). */
  brin: z.string().trim().toUpperCase().regex(/^[0-9A-Z]{4}$/, messages.brin),
  /** Pins the school year asked for; by default the current one by the clock (1 August boundary). */
  schoolYear: schoolYear.optional(),
  /** Which ParnasSys field becomes Student.id: the internal `id` or the school's `leerlingNummer`. */
  studentId: z.enum(['id', 'leerlingNummer']).default('id'),
  /** Per-request timeout. */
  timeoutMs: z.int().min(100).max(120_000).default(10_000),
  /** Largest response accepted, in bytes. */
  maxBytes: z.int().min(1024).max(512 * 1024 * 1024).default(20 * 1024 * 1024),
  /** How long one getLeerlingen answer serves reads; 0 asks ParnasSys every time. */
  cacheMs: z.int().min(0).max(24 * 60 * 60 * 1000).default(5 * 60 * 1000),
  /** Pupils per listStudents page. */
  pageSize: z.int().min(1).max(1000).default(100),
  /**
   * Who teaches which group, as the school states it: ParnasSys group code → medewerker ids. With
   * it the adapter also asks getMedewerkers for their names; without it pupils have no teachers.
   */
  groupTeachers: z.record(
    z.string().trim().min(1, messages.groupCode),
    z.array(z.string().trim().min(1, messages.staffId)).min(1, messages.staffIds),
  ).optional(),
}).superRefine((c, ctx) => {
  if ((c.endpoint === undefined) === (c.host === undefined)) {
    ctx.addIssue({ code: 'custom', message: messages.endpointOrHost, path: ['endpoint'] });
  }
}).transform(({ host, endpoint: url, ...rest }) => ({
  ...rest,
  endpoint: url ?? `https://${host}${GENERIC_SERVICE_PATH}`,
}));

export type ParnassysConfig = z.output<typeof parnassysConfigSchema>;
export type ParnassysConfigInput = z.input<typeof parnassysConfigSchema>;
