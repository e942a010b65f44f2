import type { Group, Student } from '../../contract/index.ts';

/** Every pupil of the generated school is placed in a group with a known jaargroep. */
export type PlacedStudent = Student & { group: Group; jaargroep: number };
