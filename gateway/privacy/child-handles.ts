/**
 * Child handles: what stands for a child in a URL (`/kind/:handle`), so no SIS id or personal
 * data ever reaches a URL, a browser history or a proxy log.
 *
 * A handle is HMAC-SHA256(secret, accountId + '\0' + studentId), base64url, cut to 16 characters
 * (96 bits). It is stable for one account and different for every other account, so a handle
 * copied from one parent's browser means nothing in another's. Resolution only ever compares
 * against the viewer's own children: an unknown handle cannot lead to an SIS call.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { LruMemo } from '../results/lru-memo.ts';

export const HANDLE_LENGTH = 16;
const HANDLE_PATTERN = /^[A-Za-z0-9_-]{16}$/;
const MIN_SECRET_LENGTH = 16;
/**
 * Handles remembered: every page derives the handles of the viewer's children again (the
 * dashboard's links, the resolution of the one in the URL), one HMAC each. About 100 bytes a pair,
 * so 20,000 pairs (a school of 10,000 parents) are about 2 MB; a handle is no secret (it is in the URL).
 */
const REMEMBERED_HANDLES = 20_000;

export interface ChildHandles {
  handleFor(accountId: string, studentId: string): string;
  /** The one of `ownStudentIds` the handle stands for, or undefined (unknown, foreign or garbage). */
  resolve(accountId: string, handle: string, ownStudentIds: readonly string[]): string | undefined;
}

export function createChildHandles(secret: string): ChildHandles {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`The child handle secret must be at least ${MIN_SECRET_LENGTH} characters`);
  }

  const remembered = new LruMemo<string>(REMEMBERED_HANDLES);

  function handleFor(accountId: string, studentId: string): string {
    const pair = `${accountId}\0${studentId}`;
    return remembered.getOrBuild(pair, () => createHmac('sha256', secret).update(pair).digest('base64url').slice(0, HANDLE_LENGTH));
  }

  function resolve(accountId: string, handle: string, ownStudentIds: readonly string[]): string | undefined {
    if (typeof handle !== 'string' || !HANDLE_PATTERN.test(handle)) return undefined;
    const given = Buffer.from(handle);
    let match: string | undefined;
    // Compare against every child without stopping early: timing says nothing about which matched.
    for (const studentId of ownStudentIds) {
      if (timingSafeEqual(given, Buffer.from(handleFor(accountId, studentId)))) match ??= studentId;
    }
    return match;
  }

  return { handleFor, resolve };
}
