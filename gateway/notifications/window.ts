/**
 * The school's delivery window for notifications (mail.notifications.window, local wall-clock
 * times in school.timezone). The digest gathers news only inside it, and the digest mail carries it
 * into the outbox, so a send that fails at 19:59 is not retried after 20:00 but at the next opening.
 */
import type { Config } from '../config/index.ts';
import type { DeliveryWindow } from '../outbox/window.ts';

export function notificationWindow(config: Pick<Config, 'mail' | 'school'>): DeliveryWindow {
  const { from, to } = config.mail.notifications.window;
  return { from, to, timeZone: config.school.timezone };
}
