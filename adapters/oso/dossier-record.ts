/**
 * What one OSO dossier says, mapped to the contract's vocabulary but not yet given ids: the
 * pupil's final id depends on the id strategy and the id map, which can change without the
 * dossier changing, so ids are assigned when the index is built (./dossier-index.ts).
 */
import type { Address, ContactPoint, PersonName, Relation, TestResult } from '../contract/index.ts';
import type { GpData } from './map-medical.ts';
import type { VerzuimData } from './map-verzuim.ts';

/** One `schoolloopbaan` entry: a group the pupil was placed in for a school year. */
export interface Placement {
  groupId: string;
  groupName: string;
  groepscode: string;
  /** As OSO writes it: "1"–"8", but also "0", "P", "S", "11"–"16"; absent when the export leaves it out. */
  jaargroep?: string;
  /** The school year the placement belongs to, "2026-2027". */
  schoolYear: string;
  /** Local dates; derived from `schooljaar` when the dossier leaves them out. */
  from: string;
  to: string;
}

export interface PupilData {
  name: PersonName;
  birthDate?: string;
  gender?: 'M' | 'V';
  address?: Address;
  dwellingKeys: string[];
  contacts: ContactPoint[];
  enrolment: { from?: string; to?: string };
  placements: Placement[];
  /** `huisarts`, the only health data OSO carries (./map-medical.ts). */
  gp?: GpData;
}

export interface VerzorgerData {
  name: PersonName;
  address?: Address;
  dwellingKeys: string[];
  contacts: ContactPoint[];
  relation: Relation;
  /** `relatietotkind` as written; part of the identity key (see ./guardian-identity.ts). */
  relationCode: string;
  gezag: boolean;
  /** Lower-cased, accents stripped: family name, prefix and first initial. */
  nameKey: string;
  /** What ties this verzorger to the same person in a sibling's dossier: e-mail, else dwelling. */
  anchor?: string;
}

/** A test result without its ids; `idKey` says which result it is within the pupil's dossier. */
export type ResultDraft = Omit<TestResult, 'id' | 'studentId'> & { idKey: string };

export interface DossierRecord {
  /** File name within the folder, and the dossier's position in it (a `dossiers` file holds several). */
  file: string;
  position: number;
  /** How many dossiers the file holds, readable or not. */
  dossiersInFile: number;
  /** `metadata/datum`: when the SIS made the dossier; the newest wins when two describe one pupil. */
  madeOn?: string;
  leerlingid?: string;
  /** Hashes of the BSN and onderwijsnummer: an id equal to one of them is refused. */
  forbiddenIdHashes: string[];
  pupil: PupilData;
  verzorgers: VerzorgerData[];
  results: ResultDraft[];
  /** The verzuim totals over the twelve months before `madeOn`, when the dossier has them. */
  verzuim?: VerzuimData;
  /** Parts of the dossier left out, e.g. a test without a usable jaargroep; for the log only. */
  notes: string[];
}

/** Newer dossiers sort last: by dossier date, then file name, then position in the file. */
export function compareAge(a: DossierRecord, b: DossierRecord): number {
  const da = a.madeOn ?? '';
  const db = b.madeOn ?? '';
  if (da !== db) return da < db ? -1 : 1;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.position - b.position;
}
