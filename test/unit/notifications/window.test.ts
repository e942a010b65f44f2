import { expect } from 'chai';
import { isInWindow } from '../../../gateway/notifications/window.ts';

const WINDOW = { from: '16:00', to: '20:00' };
const at = (iso: string) => isInWindow(new Date(iso), WINDOW, 'Europe/Amsterdam');

describe('the notification delivery window', () => {
  it('is local time: 16:00 inclusive to 20:00 exclusive, in winter and in summer', () => {
    expect(at('2027-02-17T14:59:00Z')).to.equal(false); // 15:59 CET
    expect(at('2027-02-17T15:00:00Z')).to.equal(true); // 16:00 CET
    expect(at('2027-02-17T18:59:00Z')).to.equal(true); // 19:59 CET
    expect(at('2027-02-17T19:00:00Z')).to.equal(false); // 20:00 CET
    expect(at('2027-06-10T14:00:00Z')).to.equal(true); // 16:00 CEST
    expect(at('2027-06-10T13:59:00Z')).to.equal(false); // 15:59 CEST
  });

  it('is closed at the classroom door (08:15) and at night', () => {
    expect(at('2027-02-17T07:15:00Z')).to.equal(false);
    expect(at('2027-02-16T23:00:30Z')).to.equal(false);
  });
});
