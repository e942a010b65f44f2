/**
 * Who at school a parent's message goes to when it goes by mail: the child's teacher at the
 * address the SIS gives (the first teacher with one), else the administration's address. Used by
 * conversation requests and by sick reports the SIS cannot take, so both route alike.
 */
import type { Student } from '../../adapters/contract/index.ts';

export type RoutedTo = 'teacher' | 'administration';

export interface SchoolRecipient {
  to: string;
  routedTo: RoutedTo;
}

/** The address of the child's first teacher who has one in the SIS. */
export function teacherAddressOf(student: Pick<Student, 'teachers'>): string | undefined {
  return student.teachers.find((teacher) => teacher.email)?.email;
}

/** The teacher's address, else `administration`; undefined when there is neither. */
export function teacherOrAdministration(teacher: string | undefined, administration: string | undefined): SchoolRecipient | undefined {
  if (teacher) return { to: teacher, routedTo: 'teacher' };
  return administration ? { to: administration, routedTo: 'administration' } : undefined;
}
