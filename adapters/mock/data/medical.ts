/**
 * The demo school's medical cards: fictional but realistic entries for about half the pupils
 * (medication, allergies, diet, care contacts, remarks), drawn from the seed. The child of the
 * secret-address persona always has a secret remark (and a plain allergy), so the rule "the other
 * parent never sees a secret entry" has data to prove it with.
 */
import type { CareContact, MedicalCard, MedicalEntry, Student } from '../../contract/index.ts';
import { Prng } from './prng.ts';

const MEDICATION = [
  { text: 'Methylfenidaat 10 mg', detail: 'Om 12.00 uur op school, bij de leerkracht in de kast.' },
  { text: 'Salbutamol puffer', detail: 'Bij benauwdheid, ook voor de gymles.' },
  { text: 'Cetirizine 5 mg', detail: 'Thuis in de ochtend, in het pollenseizoen.' },
] as const;
const ALLERGIES = [
  { text: "Pinda's en noten", detail: 'Ernstig: EpiPen in de klas en in de gymtas.' },
  { text: 'Wespensteken', detail: 'Bij een steek direct ouders bellen.' },
  { text: 'Lactose-intolerantie' },
  { text: 'Hooikoorts' },
] as const;
const DIETS = [
  { text: 'Glutenvrij (coeliakie)', detail: 'Eigen traktatie in de vriezer van de personeelskamer.' },
  { text: 'Halal' },
  { text: 'Vegetarisch' },
] as const;
const GP_PRACTICES = ['Huisartsenpraktijk De Linde', 'Gezondheidscentrum Bronsveld-Zuid', 'Huisartsen aan de Vaart'] as const;
const GP_NAMES = ['dr. M. Bakker', 'dr. S. El Idrissi', 'dr. J. van Leeuwen', 'dr. P. Mulder'] as const;
const DENTISTS = ['Tandartspraktijk Het Gebit', 'Mondzorg Bronsveld'] as const;
const SPECIALISTS = [
  { name: 'dr. K. de Wit (kinderlongarts)', organisation: 'Ziekenhuis Bronsveld' },
  { name: 'E. Visser (kinderfysiotherapeut)', organisation: 'Fysio De Sprong' },
] as const;
const REMARKS = [
  'Draagt een bril; bij gym een sportbril.',
  'Heeft moeite met horen aan het linkeroor; graag vooraan in de klas.',
  'Wordt snel moe na ziekte; even rusten mag.',
] as const;
const SECRET_REMARK = 'Is onder behandeling bij de jeugd-GGZ; afspraken op dinsdagmiddag. Alleen bekend bij de intern begeleider.';

const phone = (prng: Prng) => `0${prng.int(10, 79)}-${prng.int(1000000, 9999999)}`;

function entries(prng: Prng, studentId: string, prefix: string, pool: ReadonlyArray<{ text: string; detail?: string }>, p: number): MedicalEntry[] {
  if (!prng.chance(p)) return [];
  const item = prng.pick(pool);
  return [{ id: `${prefix}-${studentId}-1`, text: item.text, ...(item.detail && { detail: item.detail }), secret: false }];
}

/**
 * One pupil's card. `secretRemarkFor` lists pupils who get the fixed secret remark (the persona
 * child); every other pupil's entries are drawn, with a small share flagged secret.
 */
export function medicalCardOf(seed: number, student: Student, secretRemarkFor: ReadonlySet<string>): MedicalCard {
  const prng = new Prng(seed, `medical:${student.id}`);
  const id = student.id;
  const card: MedicalCard = { studentId: id, medication: [], allergies: [], diet: [], careContacts: [], remarks: [] };
  const persona = secretRemarkFor.has(id);
  if (!persona && !prng.chance(0.5)) return card;

  card.medication = entries(prng, id, 'MED', MEDICATION, 0.3);
  card.allergies = persona ? [{ id: `ALG-${id}-1`, text: 'Hooikoorts', secret: false }] : entries(prng, id, 'ALG', ALLERGIES, 0.5);
  card.diet = entries(prng, id, 'DIE', DIETS, 0.2);
  const contacts: CareContact[] = [
    { id: `GP-${id}`, role: 'gp', name: prng.pick(GP_NAMES), organisation: prng.pick(GP_PRACTICES), phone: phone(prng), secret: false },
  ];
  if (prng.chance(0.4)) contacts.push({ id: `TA-${id}`, role: 'dentist', name: prng.pick(DENTISTS), phone: phone(prng), secret: false });
  if (prng.chance(0.15)) {
    const s = prng.pick(SPECIALISTS);
    contacts.push({ id: `SP-${id}`, role: 'specialist', name: s.name, organisation: s.organisation, phone: phone(prng), secret: prng.chance(0.5) });
  }
  card.careContacts = contacts;
  card.remarks = entries(prng, id, 'OPM', REMARKS.map((text) => ({ text })), 0.3);
  if (persona) card.remarks.push({ id: `OPM-${id}-geheim`, text: SECRET_REMARK, secret: true });
  return card;
}
