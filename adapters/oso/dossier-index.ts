/**
 * All dossiers of the folder → one index with ids: pupils by their final id (id strategy, then
 * the id map), verzorgers merged into guardians across siblings' dossiers, results with ids.
 * Built whenever a file or the id map changes; what depends on today's date is in ./school-view.ts.
 */
import { basename, extname } from 'node:path';
import type { AbsenceSummary, GuardianChildLink, TestResult } from '../contract/index.ts';
import { compareAge, type DossierRecord, type VerzorgerData } from './dossier-record.ts';
import { guardianKey } from './guardian-identity.ts';
import { runNow, runPaced, type Steps } from '../shared/paced.ts';
import { byDateThenId } from './paging.ts';
import { OrdinalKeys, secretHash, stableId } from './stable-id.ts';

export interface FolderProblem {
  file?: string;
  problem: string;
}

export interface IndexedGuardian {
  id: string;
  /** From the newest dossier that names this guardian. */
  data: VerzorgerData;
  links: GuardianChildLink[];
}

export interface OsoIndex {
  pupils: ReadonlyMap<string, DossierRecord>;
  guardians: ReadonlyMap<string, IndexedGuardian>;
  results: ReadonlyMap<string, readonly TestResult[]>;
  /** The pupil's verzuim totals as a summary (none, or one from the dossier in use). */
  absences: ReadonlyMap<string, readonly AbsenceSummary[]>;
  problems: readonly FolderProblem[];
}

export interface IdStrategy {
  from: 'leerlingid' | 'filename';
  /** When given, every pupil needs an entry: an unmapped pupil is left out. */
  map?: ReadonlyMap<string, string>;
}

function sourceId(record: DossierRecord, strategy: IdStrategy, multiDossierFiles: ReadonlySet<string>): string | FolderProblem {
  if (strategy.from === 'filename') {
    if (multiDossierFiles.has(record.file)) return { file: record.file, problem: 'studentIdFrom "filename" needs one dossier per file' };
    return basename(record.file, extname(record.file));
  }
  return record.leerlingid ?? { file: record.file, problem: 'the dossier has no leerlingid, so the pupil has no id (see studentIdFrom)' };
}

function finalId(record: DossierRecord, strategy: IdStrategy, multi: ReadonlySet<string>): string | FolderProblem {
  const source = sourceId(record, strategy, multi);
  if (typeof source !== 'string') return source;
  const id = strategy.map ? strategy.map.get(source) : source;
  if (id === undefined) return { file: record.file, problem: `pupil ${source} is not in the id map; left out` };
  // Ids are the SIS's own opaque strings, never a BSN or onderwijsnummer.
  if (record.forbiddenIdHashes.includes(secretHash(id))) {
    return { file: record.file, problem: 'the pupil\'s id equals their BSN or onderwijsnummer; refused (use another id source)' };
  }
  return id;
}

function linkOf(studentId: string, pupil: DossierRecord, v: VerzorgerData): GuardianChildLink {
  const home = new Set(pupil.pupil.dwellingKeys);
  return { studentId, relation: v.relation, gezag: v.gezag, livesWith: v.dwellingKeys.some((k) => home.has(k)) };
}

export function buildIndex(records: readonly DossierRecord[], strategy: IdStrategy): OsoIndex {
  return runNow(indexSteps(records, strategy));
}

/** The same index, built in slices so 1,500 dossiers do not hold up the event loop (../shared/paced.ts). */
export function buildIndexPaced(records: readonly DossierRecord[], strategy: IdStrategy): Promise<OsoIndex> {
  return runPaced(indexSteps(records, strategy));
}

function* indexSteps(records: readonly DossierRecord[], strategy: IdStrategy): Steps<OsoIndex> {
  const problems: FolderProblem[] = [];
  const multi = new Set(records.filter((r) => r.dossiersInFile > 1).map((r) => r.file));
  const pupils = new Map<string, DossierRecord>();
  for (const record of [...records].sort(compareAge)) {
    yield;
    const id = finalId(record, strategy, multi);
    if (typeof id !== 'string') {
      problems.push(id);
      continue;
    }
    const older = pupils.get(id);
    if (older) problems.push({ file: older.file, problem: `pupil ${id} is also in ${record.file}, a newer dossier; that one is used` });
    pupils.set(id, record);
  }

  const guardians = new Map<string, IndexedGuardian>();
  const results = new Map<string, TestResult[]>();
  const absences = new Map<string, AbsenceSummary[]>();
  for (const [studentId, record] of [...pupils].sort(([, a], [, b]) => compareAge(a, b))) {
    yield;
    const keys = new OrdinalKeys();
    for (const v of record.verzorgers) {
      const id = stableId('g', keys.next(guardianKey(studentId, v)));
      const guardian = guardians.get(id) ?? { id, data: v, links: [] };
      guardian.data = v;
      guardian.links.push(linkOf(studentId, record, v));
      guardians.set(id, guardian);
    }
    const resultKeys = new OrdinalKeys();
    results.set(studentId, record.results
      .map(({ idKey, ...draft }) => ({ id: stableId('r', studentId, resultKeys.next(idKey)), studentId, ...draft }))
      .sort(byDateThenId));
    const { verzuim } = record;
    absences.set(studentId, verzuim ? [{
      kind: 'summary',
      id: stableId('a', studentId, verzuim.period.from, verzuim.period.to),
      studentId,
      period: { ...verzuim.period },
      totals: verzuim.totals.map((t) => ({ ...t })),
    }] : []);
  }
  return { pupils, guardians, results, absences, problems };
}
