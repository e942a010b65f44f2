/**
 * "Check your family's data": while a data check runs (calendar event `data-check`), a parent with
 * gezag who has not answered it is sent to /gegevenscontrole by their first page after login —
 * once per session while they may still choose "later" (dataCheck.skipsAllowed), and from every
 * page once it is due, until they confirm or start a correction. The correction form itself, the
 * account pages, help and logout stay reachable, so the way out is never blocked.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Clock } from '../../adapters/contract/index.ts';
import type { Calendar } from '../policy/calendar-types.ts';
import { activeDataCheck, checkKey } from './active-check.ts';
import type { DataCheckAnswers } from './answers.ts';

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

export type CheckState = { check: string; skips: number; due: boolean } | undefined;

/** The running check this parent still has to answer, or undefined. */
export async function pendingCheck(deps: DataCheckPromptDeps, user: Express.User): Promise<CheckState> {
  if (user.scope !== 'full') return undefined;
  const event = activeDataCheck(deps.calendar(), deps.clock.now());
  if (!event) return undefined;
  const check = checkKey(event);
  const answer = await deps.answers.get(check, user.accountId);
  if (answer?.outcome) return undefined;
  if (!(await deps.hasGezag(user.accountId))) return undefined;
  const skips = answer?.skips ?? 0;
  return { check, skips, due: skips >= deps.skipsAllowed };
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
