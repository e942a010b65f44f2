/**
 * "Mijn gegevens": the parent's own copy of everything the portal holds and shows about them and
 * their children (gateway/my-data/collect.ts), as a page (/mijn-gegevens), a printable page
 * (/mijn-gegevens/afdruk) and a JSON download (/mijn-gegevens/download). Each is audited like any
 * view of a child's data — one record per child, plus one for the copy itself, written before it is
 * sent — and limited per account (copy-limit.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { collectMyData, downloadable, type MyDataCopy, type MyDataDeps } from '../../my-data/collect.ts';
import { createCopyLimit } from '../../my-data/copy-limit.ts';
import { auditView } from '../../privacy/audit-view.ts';
import { renderNotFound, renderToString } from './render.ts';

type Format = 'page' | 'print' | 'json';

export function myDataPages(deps: MyDataDeps) {
  const limit = createCopyLimit(deps.clock);

  async function audit(res: Response, user: Express.User, copy: MyDataCopy, format: Format): Promise<void> {
    for (const child of copy.children) {
      await auditView(deps.store, deps.clock, { accountId: user.accountId, studentId: child.studentId, section: 'mydata', requestId: res.locals.requestId });
    }
    await deps.store.audit.append({
      id: randomUUID(), at: deps.clock.now().toISOString(), actor: user.accountId, actorKind: 'parent', action: `mydata.${format}`,
      requestId: res.locals.requestId, detail: { children: copy.children.length },
    });
  }

  function handler(format: Format) {
    return async (_req: Request, res: Response, user: Express.User): Promise<void> => {
      const wait = limit.take(user.accountId);
      if (wait !== undefined) {
        res.set('Retry-After', String(wait));
        res.status(429).render('pages/my-data', { nav: 'mydata', titleKey: 'myData.title', limited: true, retryAfterMin: Math.ceil(wait / 60) });
        return;
      }
      const copy = await collectMyData(deps, user);
      if (!copy) return renderNotFound(res);
      if (format === 'json') {
        const body = JSON.stringify(downloadable(copy), null, 2);
        await audit(res, user, copy, format);
        res.set('Content-Disposition', `attachment; filename="mijn-gegevens-${copy.generatedAt.slice(0, 10)}.json"`);
        res.type('application/json').send(body);
        return;
      }
      const html = await renderToString(res, 'pages/my-data', {
        ...(format === 'print' ? { layout: 'public', print: true } : { nav: 'mydata' }), titleKey: 'myData.title', copy,
      });
      await audit(res, user, copy, format);
      res.send(html);
    };
  }

  return { page: handler('page'), print: handler('print'), download: handler('json') };
}
