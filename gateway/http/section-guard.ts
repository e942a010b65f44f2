/**
 * The calendar enforced on the server for actions — a form POST, a download — not only for pages:
 * a route names its section and how to find the pupil the request is about, and a closed (or not
 * offered) section is refused before the handler runs, so nothing is fetched, stored or sent.
 *
 *   router.post('/kind/:handle/wijzigen', requireSectionOpen({ section: 'changes', policy, capabilities,
 *     locate: async (req) => ({ jaargroep, subject }) }), handler);
 *
 * The handler reads what `locate` found with guardedSubject(res), so the pupil is resolved once.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Capability } from '../../adapters/contract/index.ts';
import { sectionState, showable, withinGrant, type Section, type SectionPolicy, type SectionState } from '../routes/parent/section-policy.ts';
import { HttpError } from './http-error.ts';

export interface Located<T> {
  /** The pupil's jaargroep: calendar rules may be scoped to groups (unknown: the strictest answer). */
  jaargroep: number | undefined;
  /** Whatever the handler needs next (e.g. the resolved child). */
  subject: T;
}

export interface SectionGuardOptions<T> {
  section: Section;
  /** The calendar; without one every offered section is open (as on the pages). */
  policy: SectionPolicy | undefined;
  capabilities: ReadonlySet<Capability>;
  /** The subject of this request, or undefined when there is none for this viewer (→ notFound). */
  locate(req: Request, res: Response): Promise<Located<T> | undefined>;
  /** Sends the refusal of a closed section; default a 403 error page. Must send a status >= 400. */
  refuse?(req: Request, res: Response, state: SectionState, subject: T): void | Promise<void>;
  /** Sends the answer for a missing subject; default a 404 error page. */
  notFound?(req: Request, res: Response): void | Promise<void>;
  /** Told about every refusal (for the logs); never personal data. */
  onRefused?(info: { section: Section; method: string; path: string; reopensOn?: string }): void;
}

const subjects = new WeakMap<Response, unknown>();

/** What the guard located for this response; throws when the guard did not run (a mis-mounted route). */
export function guardedSubject<T>(res: Response): T {
  if (!subjects.has(res)) throw new Error('guardedSubject: requireSectionOpen did not run for this route');
  return subjects.get(res) as T;
}

export function requireSectionOpen<T>(options: SectionGuardOptions<T>): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const located = await options.locate(req, res);
      if (!located) {
        if (options.notFound) await options.notFound(req, res);
        else next(new HttpError(404, 'NOT_FOUND'));
        return;
      }
      const calendar = await sectionState(options.policy, options.capabilities, options.section, located.jaargroep);
      // Corrections are never granted: their own gezag check answers a limited account more precisely.
      const state = req.user && options.section !== 'changes' ? withinGrant(calendar, req.user, options.section) : calendar;
      if (!showable(state)) {
        options.onRefused?.({
          section: options.section, method: req.method, path: req.baseUrl + req.path,
          ...(state.reopensOn ? { reopensOn: state.reopensOn } : {}),
        });
        if (options.refuse) await options.refuse(req, res, state, located.subject);
        else next(new HttpError(403, 'SECTION_CLOSED'));
        return;
      }
      subjects.set(res, located.subject);
      next();
    } catch (err) {
      next(err);
    }
  };
}
