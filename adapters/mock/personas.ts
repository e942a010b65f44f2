/**
 * Well-known guardians of the demo school, for demo logins and tests.
 *
 * The generator builds these families first, in a fixed order (data/family-plan.ts,
 * PERSONA_FAMILIES), and hands out ids in family order, so the ids below hold for every seed
 * and every pupil count. Names, addresses and e-mail addresses do follow the seed: look them up
 * with `getGuardian(guardianId)`. A unit test proves each persona against the generated data.
 */
import type { PersonaKey } from './data/family-plan.ts';

export interface DemoPersona {
  guardianId: string;
  description: string;
}

export const DEMO_PERSONAS: Readonly<Record<PersonaKey, Readonly<DemoPersona>>> = Object.freeze({
  twoChildren: Object.freeze({
    guardianId: 'V2001',
    description: 'Mother with gezag of two children in different groups (groep 4 and groep 7), living together with the father (V2002).',
  }),
  separatedA: Object.freeze({
    guardianId: 'V2003',
    description: 'Separated parent with gezag; the child (groep 5) lives with this parent. Own address and e-mail.',
  }),
  separatedB: Object.freeze({
    guardianId: 'V2004',
    description: 'The other separated parent of the same child: gezag, a different address, an own e-mail; the child does not live here.',
  }),
  newParent: Object.freeze({
    guardianId: 'V2005',
    description: 'An ordinary parent with gezag and e-mail, whose only child has just started in groep 1.',
  }),
  noGezag: Object.freeze({
    guardianId: 'V2008',
    description: 'Father without gezag (gezag false), at another address, with an e-mail address: gets no account by default.',
  }),
  voogd: Object.freeze({
    guardianId: 'V2009',
    description: 'Court-appointed voogd (relation voogd, gezag true) of a child in groep 3.',
  }),
  secretAddress: Object.freeze({
    guardianId: 'V2010',
    description: 'Mother whose address and mobile number are secret; her child (groep 6) lives with her, so the child\'s address is secret too. The father (V2011) has gezag and must not see them.',
  }),
  noEmail: Object.freeze({
    guardianId: 'V2012',
    description: 'Single parent with gezag who gave the school no e-mail address: cannot be invited. Child in groep 8.',
  }),
});

/**
 * Pupils whose enrolment ended last school year (one left after groep 8, one moved away). The
 * adapter treats them as unknown (SIS_NOT_FOUND), as the contract asks; the conformance suite
 * takes them as `fixtures.departedStudentIds`. L1010 is a sibling of a current pupil, L1011's
 * only guardian (V2015) is therefore unknown too.
 */
export const DEMO_DEPARTED_STUDENT_IDS: readonly string[] = Object.freeze(['L1010', 'L1011']);

export type { PersonaKey };
export { DEMO_SCHOOL, type DemoSchool } from './demo-school.ts';
