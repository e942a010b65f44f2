/**
 * The changes feature as the service graph builds it: the request store, and its outbox handler
 * (kind "change") with the SIS route and the mail fallback to the administration.
 */
import type { AdapterLogger, Clock, SisAdapter } from '../../adapters/contract/index.ts';
import type { Config } from '../config/index.ts';
import type { MailSender } from '../mail/types.ts';
import type { DeliveryHandler, Outbox } from '../outbox/index.ts';
import type { Store } from '../store/types.ts';
import { createChangeSeal, type StoredChangePayload } from './change-payload.ts';
import { createChangeRequests, type ChangeRequests } from './change-requests.ts';
import { createChangeDeliveryHandler } from './delivery-handler.ts';

export interface ChangeFeatureDeps {
  config: Pick<Config, 'changes' | 'school' | 'server'>;
  store: Store;
  outbox: Outbox;
  clock: Clock;
  logger: Pick<AdapterLogger, 'warn' | 'error'>;
  sis: Pick<SisAdapter, 'submitChange'>;
  /** The mailer, once built (the mail feature may be wired after this one). */
  mailer: () => MailSender | undefined;
  kick: () => void;
  /** The key of the outbox's sealed payloads derives from it (the session secret). */
  sealSecret: string;
  /** Seals the request records at rest (store.dataKey). */
  dataKey: string;
}

export function createChangeFeature(deps: ChangeFeatureDeps): { requests: ChangeRequests; handler: DeliveryHandler<StoredChangePayload> } {
  const { config } = deps;
  const seal = createChangeSeal(deps.sealSecret);
  const requests = createChangeRequests({
    store: deps.store, outbox: deps.outbox, clock: deps.clock, logger: deps.logger, seal, dataKey: deps.dataKey, kick: deps.kick,
    maxPendingAgeMs: config.changes.maxPendingAge,
  });
  const administration = config.changes.administrationEmail ?? config.school.supportEmail;
  const handler = createChangeDeliveryHandler({
    sis: deps.sis,
    requests,
    seal,
    mailRoute: () => {
      const sender = deps.mailer();
      if (!sender || !administration) return undefined;
      return {
        sender, to: administration, locale: config.school.locale, schoolName: config.school.name,
        timeZone: config.school.timezone,
        ...(config.server.publicUrl ? { messageIdHost: new URL(config.server.publicUrl).hostname } : {}),
      };
    },
  });
  return { requests, handler };
}
