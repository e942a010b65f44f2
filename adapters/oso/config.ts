/**
 * The OSO adapter's config section. Only `dir` is required; see ./README.md for every key.
 */
import { z } from 'zod';

/**
 * What dossiers can give: pupils, guardians, absences (as a twelve-month summary: OSO keeps
 * totals, not dated absences) and LVS results (no method tests).
 */
export const OSO_CAPABILITIES = ['students', 'guardians', 'absences', 'results.lvs', 'medical'] as const;

export const osoConfigSchema = z.strictObject({
  /** The folder holding the dossiers (`*.xml`); relative paths count from the working directory. */
  dir: z.string().trim().min(1, 'name the folder that holds the OSO dossiers'),
  /**
   * Where a pupil's id comes from: the dossier's `leerlingid` (the SIS's own key, "LASkey"), or
   * the file name without `.xml` for exports that name each file after the pupil's SIS id.
   * Never the BSN or onderwijsnummer: an id equal to either is refused.
   */
  studentIdFrom: z.enum(['leerlingid', 'filename']).default('leerlingid'),
  /** CSV file mapping the dossier's id to the stack's id (e.g. ParnasSys's); unmapped pupils are left out. */
  idMapFile: z.string().trim().min(1).optional(),
  /** Narrows the capabilities, e.g. to guardians, absences and results under ParnasSys. */
  capabilities: z.array(z.enum(OSO_CAPABILITIES)).min(1).optional(),
  /** Look for changed files at most this often (ms, by the injected clock); 0 checks on every call. */
  pollMs: z.int().min(0).max(86_400_000).default(30_000),
  /** Also watch the folder (fs.watch), so a change is read on the next call without waiting for pollMs. */
  watch: z.boolean().default(true),
  /** Items per page for listStudents / listGuardians. */
  pageSize: z.int().min(1).max(1000).default(100),
  /** Larger files are skipped and reported (attachments can make dossiers big). */
  maxFileBytes: z.int().min(1024).max(1024 * 1024 * 1024).default(64 * 1024 * 1024),
  /** Intelligence tests (WISC, NIO) are care data: left out unless the school opts in. */
  includeIntelligenceTests: z.boolean().default(false),
});

export type OsoConfig = z.output<typeof osoConfigSchema>;
export type OsoConfigInput = z.input<typeof osoConfigSchema>;
