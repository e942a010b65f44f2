/**
 * Conversation requests (issue 20 item 3) as the service graph builds them: the requests, the
 * parent's page /kind/:handle/gesprek and the staff page /beheer/gesprekken.
 */
import { Router } from 'express';
import { parentPage } from '../routes/parent/render.ts';
import type { Services } from '../services.ts';
import { conversationPages, conversationsGuard, type ConversationPageDeps } from './parent-pages.ts';
import { createConversationRequests, type ConversationRequests } from './requests.ts';
import { createConversationStaffRouter } from './staff-pages.ts';

export { CONVERSATIONS_COLLECTION, type ConversationRequest, type ConversationRequests } from './requests.ts';

export interface ConversationFeature {
  requests: ConversationRequests;
  /** Mounted after the parents' auth guard. */
  parentRouter(deps: Omit<ConversationPageDeps, 'requests'>): Router;
  /** Mounted under /beheer behind the operator guard. */
  staffRouter: Router;
}

export function createConversationFeature(deps: Pick<Services, 'store' | 'sis' | 'clock'>): ConversationFeature {
  const requests = createConversationRequests(deps);
  return {
    requests,
    parentRouter(pageDeps) {
      const router = Router();
      const full = { ...pageDeps, requests };
      const pages = conversationPages(full);
      const guard = conversationsGuard(full);
      router.get('/kind/:handle/gesprek', guard, parentPage(pageDeps.logger, pages.page));
      router.post('/kind/:handle/gesprek', guard, parentPage(pageDeps.logger, pages.submit));
      return router;
    },
    staffRouter: createConversationStaffRouter({ ...deps, requests }),
  };
}
