/**
 * The staff's search for a parent's account (/beheer/accounts): by the parent's name, username,
 * e-mail address or a child's name, partial and accent-free ("dekk" finds "Dekker", "ozlem" finds
 * "Özlem"). Names come from the SIS through the cache (the store keeps no names). Guardians of a
 * child found by name who have no account and no gezag are listed too: they are who an operator
 * may grant limited access (DOMAIN §5).
 */
import type { Guardian, Relation } from '../../adapters/contract/index.ts';
import { isSisError } from '../../adapters/contract/index.ts';
import { foldForMatching } from '../auth/text-fold.ts';
import { displayName } from '../routes/parent/view-models/person-name.ts';
import type { SisService } from '../sis/types.ts';
import type { Account, AccountRepo } from '../store/types.ts';

export interface AccountHit {
  account: Account;
  guardianName?: string;
  children: Array<{ studentId: string; name: string }>;
}

export interface GrantCandidate {
  guardianId: string;
  guardianName: string;
  relation: Relation;
  child: { studentId: string; name: string };
}

export interface AccountSearchResult {
  hits: AccountHit[];
  candidates: GrantCandidate[];
}

export const SEARCH_MIN = 2;
const MAX_HITS = 50;

type Sis = Pick<SisService, 'getGuardian' | 'getStudent' | 'listGuardiansOfStudent'>;

async function orNothing<T>(read: () => Promise<{ value: T }>): Promise<T | undefined> {
  try {
    return (await read()).value;
  } catch (err) {
    if (isSisError(err)) return undefined;
    throw err;
  }
}

export async function searchAccounts(deps: { accounts: AccountRepo; sis: Sis }, query: string): Promise<AccountSearchResult> {
  const wanted = foldForMatching(query.trim());
  if (wanted.length < SEARCH_MIN) return { hits: [], candidates: [] };
  const matches = (text: string | undefined) => text !== undefined && foldForMatching(text).includes(wanted);
  const accounts = await deps.accounts.list();
  const childNames = new Map<string, string | undefined>();
  const childName = async (id: string) => {
    if (!childNames.has(id)) childNames.set(id, await orNothing(async () => deps.sis.getStudent(id)).then((s) => s && displayName(s.name)));
    return childNames.get(id);
  };

  const hits: AccountHit[] = [];
  const matchedChildren = new Set<string>();
  for (const account of accounts) {
    if (hits.length >= MAX_HITS) break;
    const guardian: Guardian | undefined = await orNothing(async () => deps.sis.getGuardian(account.guardianId));
    const children: AccountHit['children'] = [];
    for (const studentId of account.studentIds ?? []) children.push({ studentId, name: (await childName(studentId)) ?? '—' });
    const guardianName = guardian && displayName(guardian.name);
    const byChild = children.filter((c) => matches(c.name));
    for (const c of byChild) matchedChildren.add(c.studentId);
    if (matches(account.username) || matches(account.email) || matches(account.notificationEmail) || matches(guardianName) || byChild.length > 0) {
      hits.push({ account, ...(guardianName ? { guardianName } : {}), children });
    }
  }

  const withAccount = new Set(accounts.map((a) => a.guardianId));
  const candidates: GrantCandidate[] = [];
  for (const studentId of matchedChildren) {
    const guardians = (await orNothing(async () => deps.sis.listGuardiansOfStudent(studentId))) ?? [];
    for (const g of guardians) {
      const link = g.children.find((l) => l.studentId === studentId);
      if (!link || link.gezag || withAccount.has(g.id)) continue;
      candidates.push({ guardianId: g.id, guardianName: displayName(g.name), relation: link.relation, child: { studentId, name: (await childName(studentId)) ?? '—' } });
    }
  }
  return { hits, candidates };
}
