/**
 * "Check your family's data": while a data check runs (calendar event `data-check`), a parent with
 * gezag who has not answered it is sent to /gegevenscontrole by their first page after login —
 * once per session while they may still choose "later" (dataCheck.skipsAllowed), and from every
 * page once it is due, until they confirm or send a correction (opening the correction form is not
 * enough). The correction form itself, the account pages, help and logout stay reachable, so the
 * way out is never blocked.
 *
 * Only full accounts with gezag are asked. A limited account (a parent without gezag, or one the
 * school granted a few sections) is never asked, whatever its grant names: it cannot see the whole
 * family's data it would be confirming, so its confirmation would mean nothing.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Clock } from '../../adapters/contract/index.ts';
import type { Calendar } from '../policy/calendar-types.ts';
import { activeDataCheck, checkKey } from './active-check.ts';
import { isAnswered, type DataCheckAnswers } from './answers.ts';

export const DATA_CHECK_PATH = '/gegevenscontrole';

/** Pages a due check never blocks: the check, corrections, the account, help, logout. */
const ALWAYS_REACHABLE = [/^\/gegevenscontrole$/, /^\/kind\/[^/]+\/wijzigen$/, /^\/account(\/|$)/, /^\/hulp$/, /^\/uitloggen$/, /^\/privacy$/];

export interface DataCheckPromptDeps {
  calendar: () => Calendar;
  clock: Clock;
  answers: DataCheckAnswers;
  skipsAllowed: number;
  /** The account's gezag children, as provisioning saw them (an account without any is not asked). */
  hasGezag(accountId: string): Promise<boolean>;
}

export type CheckState = { check: string; skips: number; due: boolean; correctionStarted: boolean } | undefined;

/** Whether a data check asks this account at all: a full account with gezag over a child. */
export async function isAskedAccount(deps: Pick<DataCheckPromptDeps, 'hasGezag'>, user: Pick<Express.User, 'scope' | 'accountId'>): Promise<boolean> {
  return user.scope === 'full' && deps.hasGezag(user.accountId);
}

/** The running check this parent still has to answer, or undefined. */
export async function pendingCheck(deps: DataCheckPromptDeps, user: Express.User): Promise<CheckState> {
  if (user.scope !== 'full') return undefined;
  const event = activeDataCheck(deps.calendar(), deps.clock.now());
  if (!event) return undefined;
  const check = checkKey(event);
  const answer = await deps.answers.get(check, user.accountId);
  if (isAnswered(answer)) return undefined;
  if (!(await isAskedAccount(deps, user))) return undefined;
  const skips = answer?.skips ?? 0;
  return { check, skips, due: skips >= deps.skipsAllowed, correctionStarted: answer?.correctionStartedAt !== undefined };
}

export function dataCheckPrompt(deps: DataCheckPromptDeps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      if (req.method !== 'GET' || !req.user || ALWAYS_REACHABLE.some((p) => p.test(req.path))) return next();
      const pending = await pendingCheck(deps, req.user);
      if (!pending) return next();
      // Asked once per session while skippable; a due check asks on every page.
      if (!pending.due && req.session.dataCheckAsked === pending.check) return next();
      req.session.dataCheckAsked = pending.check;
      res.redirect(303, DATA_CHECK_PATH);
    } catch (err) {
      next(err);
    }
  };
}
