/**
 * Single-use tokens mailed as links (password reset, confirming a notification address): 256 random
 * bits in the link, only their hash stored, valid until `expiresAt`, spent by setting `usedAt`, and
 * only for an account that is still active. One issuing and one lookup for every such link.
 */
import type { Account, AccountRepo, DocumentRepo } from '../store/types.ts';
import { generateToken, hashSecret } from './secrets.ts';

export interface LinkTokenDoc {
  /** hashSecret(token): the token itself is never stored. */
  id: string;
  accountId: string;
  createdAt: string;
  expiresAt: string;
  usedAt?: string;
}

/** A new token and the record to store for it (the caller adds its own fields and stores it). */
export function issueLinkToken(accountId: string, now: Date, validityMs: number): { token: string; doc: LinkTokenDoc } {
  const token = generateToken(32);
  return {
    token,
    doc: {
      id: hashSecret(token), accountId, createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + validityMs).toISOString(),
    },
  };
}

/** The stored record and its account when `token` may still be used now; otherwise undefined. */
export async function findLinkToken<D extends LinkTokenDoc>(
  tokens: DocumentRepo<D>, accounts: AccountRepo, token: unknown, now: Date,
): Promise<{ doc: D; account: Account } | undefined> {
  if (typeof token !== 'string' || token.length < 20 || token.length > 100) return undefined;
  const doc = await tokens.get(hashSecret(token));
  if (!doc || doc.usedAt || Date.parse(doc.expiresAt) <= now.getTime()) return undefined;
  const account = await accounts.get(doc.accountId);
  return account?.status === 'active' ? { doc, account } : undefined;
}
