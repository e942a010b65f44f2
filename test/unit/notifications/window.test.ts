import { expect } from 'chai';
import { loadConfig } from '../../../gateway/config/index.ts';
import { notificationWindow } from '../../../gateway/notifications/window.ts';
import { isInDeliveryWindow } from '../../../gateway/outbox/window.ts';

describe('the notification delivery window', () => {
  it('is the school\'s mail.notifications.window in the school\'s time zone', () => {
    const config = loadConfig({ file: 'config/demo.yaml', env: {}, values: { mail: { notifications: { window: { from: '15:30', to: '19:00' } } } } });
    const window = notificationWindow(config);
    expect(window).to.deep.equal({ from: '15:30', to: '19:00', timeZone: 'Europe/Amsterdam' });
    expect(isInDeliveryWindow(new Date('2027-02-17T14:29:00Z'), window)).to.equal(false); // 15:29 CET
    expect(isInDeliveryWindow(new Date('2027-02-17T14:30:00Z'), window)).to.equal(true); // 15:30 CET
    expect(isInDeliveryWindow(new Date('2027-02-17T18:00:00Z'), window)).to.equal(false); // 19:00 CET
  });
});
