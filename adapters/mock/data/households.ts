/**
 * The adults of one family and how they relate to the children, by family shape.
 * Dutch partners keep their own surnames; children usually take the father's.
 */
import type { Address, ContactPoint, Guardian, Relation } from '../../contract/index.ts';
import { GUARDIAN_CHANCES, type FamilyShape } from './family-plan.ts';
import { adultName, familyName, type FamilyName, type Sex } from './names.ts';
import { address, emailAddress, landlineNumber, mobileNumber } from './places.ts';
import type { Prng } from './prng.ts';

/** A guardian before ids and child links are known. */
export interface Member {
  guardian: Omit<Guardian, 'id' | 'children'>;
  relation: Relation;
  gezag: boolean;
  livesWith: boolean;
}

export interface Household {
  members: Member[];
  childSurname: FamilyName;
  /** Where the children live (a copy of a member's address). */
  home: Address;
}

interface AdultSpec {
  sex: Sex;
  relation: Relation;
  gezag: boolean;
  livesWith: boolean;
  surname: FamilyName;
  address: Address;
  secret?: boolean;
}

export interface HouseholdOptions {
  /** The first guardian gave no e-mail address. */
  noEmail?: boolean;
  /** No random quirks (missing e-mail, secret phone): persona families must keep their promised shape. */
  plain?: boolean;
  /** E-mail addresses handed out so far, to keep them unique. */
  emails: Set<string>;
}

interface Extras {
  email: boolean;
  secretPhone: boolean;
}

function member(prng: Prng, spec: AdultSpec, extras: Extras, emails: Set<string>): Member {
  const name = adultName(prng, spec.sex, spec.surname);
  const contacts: ContactPoint[] = [];
  if (extras.email) {
    contacts.push({ kind: 'email', value: emailAddress(prng, name, emails), label: 'privé', secret: false, emergency: false });
  }
  const secretPhone = spec.secret === true || extras.secretPhone;
  contacts.push({ kind: 'phone', value: mobileNumber(prng), label: 'mobiel', secret: secretPhone, emergency: false });
  if (prng.chance(GUARDIAN_CHANCES.workPhone)) {
    contacts.push({ kind: 'phone', value: landlineNumber(prng), label: 'werk', secret: false, emergency: false });
  }
  return {
    guardian: { name, address: { ...spec.address, secret: spec.secret === true }, contacts },
    relation: spec.relation,
    gezag: spec.gezag,
    livesWith: spec.livesWith,
  };
}

function adults(prng: Prng, shape: FamilyShape): { specs: AdultSpec[]; childSurname: FamilyName } {
  const mother = familyName(prng);
  const father = familyName(prng);
  const home = address(prng);
  const parent = (sex: Sex, extra: Partial<AdultSpec> = {}): AdultSpec => ({
    sex, relation: sex === 'F' ? 'mother' : 'father', gezag: true, livesWith: true,
    surname: sex === 'F' ? mother : father, address: home, ...extra,
  });
  switch (shape) {
    case 'twoParent': {
      // Two mothers now and then; the second keeps her own (the otherwise paternal) surname.
      const sameSex = prng.chance(0.04);
      const second = sameSex ? parent('F', { surname: father }) : parent('M');
      return { specs: [parent('F'), second], childSurname: prng.chance(0.8) ? second.surname : mother };
    }
    case 'separated':
    case 'coParent': {
      const first: Sex = prng.chance(0.75) ? 'F' : 'M';
      const other: Sex = first === 'F' ? 'M' : 'F';
      const specs = [parent(first), parent(other, { address: address(prng), livesWith: shape === 'coParent' })];
      return { specs, childSurname: prng.chance(0.8) ? father : mother };
    }
    case 'secretAddress':
      return { specs: [parent('F', { secret: true }), parent('M', { address: address(prng), livesWith: false })], childSurname: father };
    case 'singleParent':
      return { specs: [parent(prng.chance(0.85) ? 'F' : 'M')], childSurname: prng.chance(0.6) ? father : mother };
    case 'stepParent':
      return {
        specs: [parent('F'), parent('M', { relation: 'other', gezag: false })],
        childSurname: familyName(prng),
      };
    case 'noGezag':
      return {
        specs: [parent('F'), parent('M', { gezag: false, livesWith: false, address: address(prng) })],
        childSurname: prng.chance(0.5) ? father : mother,
      };
    case 'voogd':
      return {
        specs: [{ ...parent(prng.chance(0.7) ? 'F' : 'M'), relation: 'voogd', surname: familyName(prng) }],
        childSurname: familyName(prng),
      };
  }
}

export function household(prng: Prng, shape: FamilyShape, options: HouseholdOptions): Household {
  const { specs, childSurname } = adults(prng, shape);
  const quirk = (p: number) => options.plain !== true && prng.chance(p);
  const members = specs.map((spec, i) => {
    const email = !(i === 0 && options.noEmail === true) && !quirk(GUARDIAN_CHANCES.noEmail);
    return member(prng, spec, { email, secretPhone: quirk(GUARDIAN_CHANCES.secretPhone) }, options.emails);
  });
  const livesWith = members.find((m) => m.livesWith) ?? members[0];
  if (!livesWith?.guardian.address) throw new Error('A household needs an address');
  return { members, childSurname, home: { ...livesWith.guardian.address } };
}
