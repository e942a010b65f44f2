/**
 * The "dit was ik niet" link of a change notice (public: it is opened from the mail, perhaps on
 * another device): GET shows a button, POST undoes (mail scanners follow GET links).
 */
import { Router } from 'express';
import { pendingUndo, undoChange, type UndoDeps } from '../../account-safety/undo.ts';
import { parentSubject } from '../../auth/second-factor/index.ts';
import { securityEvent } from '../../security-events/index.ts';
import { formField } from './form-field.ts';

export function createUndoChangeRouter(deps: UndoDeps): Router {
  const router = Router();
  const page = (extra: Record<string, unknown>) => ({ layout: 'public', titleKey: 'undo.title', ...extra });

  router.get('/account/dit-was-ik-niet', async (req, res, next) => {
    try {
      const token = typeof req.query.token === 'string' ? req.query.token : '';
      if (!(await pendingUndo(deps, token))) return res.status(410).render('pages/undo-change', page({ invalid: true }));
      res.render('pages/undo-change', page({ token }));
    } catch (err) {
      next(err);
    }
  });

  router.post('/account/dit-was-ik-niet', async (req, res, next) => {
    try {
      const done = await undoChange(deps, formField(req.body, 'token', 200));
      if (!done) return res.status(410).render('pages/undo-change', page({ invalid: true }));
      await securityEvent(req, {
        type: 'change.undo', outcome: 'success', subject: parentSubject(done.account.id), detail: { change: done.kind, sessions: done.sessionsEnded },
      });
      res.set('Clear-Site-Data', '"cache", "cookies", "storage"');
      res.render('pages/undo-change', page({ done: true }));
    } catch (err) {
      next(err);
    }
  });

  return router;
}
