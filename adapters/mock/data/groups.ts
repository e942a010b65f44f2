/**
 * The demo school's groups and teachers. Jaargroepen 5 and 6 share a combination group next to
 * their own groups, as small Dutch schools often arrange it.
 */
import type { Group, Teacher } from '../../contract/index.ts';
import type { Prng } from './prng.ts';

interface GroupLayout {
  group: Group;
  /** Teachers by index into TEACHERS; a duo job shares a group. */
  teachers: number[];
}

export const TEACHERS: readonly Teacher[] = [
  { id: 'T01', name: { given: 'Marjolein', family: 'Hazelkamp' }, email: 'm.hazelkamp@debron.example' },
  { id: 'T02', name: { given: 'Inge', prefix: 'van der', family: 'Velde' }, email: 'i.vandervelde@debron.example' },
  { id: 'T03', name: { given: 'Fatma', family: 'Kortelink' }, email: 'f.kortelink@debron.example' },
  { id: 'T04', name: { given: 'Joris', family: 'Brinkhout' }, email: 'j.brinkhout@debron.example' },
  { id: 'T05', name: { given: 'Sietske', family: 'Ruisema' }, email: 's.ruisema@debron.example' },
  { id: 'T06', name: { given: 'Annelies', family: 'Molenstra' }, email: 'a.molenstra@debron.example' },
  { id: 'T07', name: { given: 'Hidde', prefix: 'de', family: 'Esch' }, email: 'h.deesch@debron.example' },
  { id: 'T08', name: { given: 'Marleen', family: 'Tuylhoek' }, email: 'm.tuylhoek@debron.example' },
  { id: 'T09', name: { given: 'Ricardo', family: 'Leemberg' }, email: 'r.leemberg@debron.example' },
  { id: 'T10', name: { given: 'Wietske', family: 'Dommelveld' }, email: 'w.dommelveld@debron.example' },
  { id: 'T11', name: { given: 'Gerben', prefix: 'ter', family: 'Peel' }, email: 'g.terpeel@debron.example' },
];

export const GROUP_LAYOUT: readonly GroupLayout[] = [
  { group: { id: 'G1', name: 'Groep 1', jaargroepen: [1] }, teachers: [0] },
  { group: { id: 'G2', name: 'Groep 2', jaargroepen: [2] }, teachers: [1, 2] },
  { group: { id: 'G3', name: 'Groep 3', jaargroepen: [3] }, teachers: [3] },
  { group: { id: 'G4', name: 'Groep 4', jaargroepen: [4] }, teachers: [4] },
  { group: { id: 'G5', name: 'Groep 5', jaargroepen: [5] }, teachers: [5] },
  { group: { id: 'G56', name: 'Groep 5/6', jaargroepen: [5, 6] }, teachers: [6, 7] },
  { group: { id: 'G6', name: 'Groep 6', jaargroepen: [6] }, teachers: [8] },
  { group: { id: 'G7', name: 'Groep 7', jaargroepen: [7] }, teachers: [9] },
  { group: { id: 'G8', name: 'Groep 8', jaargroepen: [8] }, teachers: [10] },
];

/** Share of a jaargroep that sits in the combination group rather than its own group. */
const COMBINATION_SHARE = 0.35;

export function teachersOf(layout: GroupLayout): Teacher[] {
  return layout.teachers.map((i) => TEACHERS[i] as Teacher);
}

/**
 * Places each pupil of a jaargroep in a group. Pupils are handed in their id order and a shuffled
 * share goes to the combination group, so the split does not follow family order.
 */
export function assignGroups(pupilsByJaargroep: Map<number, string[]>, prng: Prng): Map<string, GroupLayout> {
  const placement = new Map<string, GroupLayout>();
  for (const [jaargroep, pupilIds] of [...pupilsByJaargroep].sort(([a], [b]) => a - b)) {
    const own = GROUP_LAYOUT.find((l) => l.group.jaargroepen.length === 1 && l.group.jaargroepen[0] === jaargroep);
    const combined = GROUP_LAYOUT.find((l) => l.group.jaargroepen.length > 1 && l.group.jaargroepen.includes(jaargroep));
    if (!own) throw new RangeError(`No group for jaargroep ${jaargroep}`);
    const shuffled = prng.shuffle([...pupilIds]);
    const toCombined = combined ? Math.round(shuffled.length * COMBINATION_SHARE) : 0;
    shuffled.forEach((id, i) => placement.set(id, i < toCombined && combined ? combined : own));
  }
  return placement;
}

export type { GroupLayout };
