import { expect } from 'chai';
import { assertDeliveryWindow, isInDeliveryWindow, nextWindowOpening, type DeliveryWindow } from '../../../gateway/outbox/window.ts';

const WINDOW: DeliveryWindow = { from: '16:00', to: '20:00', timeZone: 'Europe/Amsterdam' };
const inside = (iso: string) => isInDeliveryWindow(new Date(iso), WINDOW);
const opening = (iso: string) => nextWindowOpening(new Date(iso), WINDOW).toISOString();

describe('outbox delivery windows', () => {
  it('are local time: from inclusive, to exclusive, in winter and in summer', () => {
    expect(inside('2027-02-17T14:59:00Z')).to.equal(false); // 15:59 CET
    expect(inside('2027-02-17T15:00:00Z')).to.equal(true); // 16:00 CET
    expect(inside('2027-02-17T18:59:59Z')).to.equal(true); // 19:59:59 CET
    expect(inside('2027-02-17T19:00:00Z')).to.equal(false); // 20:00 CET
    expect(inside('2027-06-10T14:00:00Z')).to.equal(true); // 16:00 CEST
    expect(inside('2027-06-10T13:59:00Z')).to.equal(false); // 15:59 CEST
  });

  it('are closed at the classroom door (08:15) and at night', () => {
    expect(inside('2027-02-17T07:15:00Z')).to.equal(false);
    expect(inside('2027-02-16T23:00:30Z')).to.equal(false);
  });

  it('open next: now when inside, today\'s opening before it, tomorrow\'s after it', () => {
    expect(opening('2027-02-17T17:30:00Z')).to.equal('2027-02-17T17:30:00.000Z');
    expect(opening('2027-02-17T07:15:00Z')).to.equal('2027-02-17T15:00:00.000Z');
    expect(opening('2027-02-17T19:00:00Z')).to.equal('2027-02-18T15:00:00.000Z'); // 20:00 CET
    expect(opening('2027-02-17T23:30:00Z')).to.equal('2027-02-18T15:00:00.000Z'); // 00:30 CET, the next day already
  });

  it('open next at the local time across a DST change (16:00 CET, then 16:00 CEST)', () => {
    // Saturday 27 March 2027 20:05 CET → Sunday 28 March, clocks forward at 02:00: 16:00 CEST is 14:00Z.
    expect(opening('2027-03-27T19:05:00Z')).to.equal('2027-03-28T14:00:00.000Z');
    // Saturday 30 October 2027 20:05 CEST → Sunday 31 October, clocks back: 16:00 CET is 15:00Z.
    expect(opening('2027-10-30T18:05:00Z')).to.equal('2027-10-31T15:00:00.000Z');
  });

  it('refuses a window the worker could not honour', () => {
    expect(() => assertDeliveryWindow({ ...WINDOW, from: '20:00', to: '16:00' })).to.throw(TypeError);
    expect(() => assertDeliveryWindow({ ...WINDOW, to: '24:00' })).to.throw(TypeError);
    expect(() => assertDeliveryWindow({ ...WINDOW, timeZone: 'Europe/Nergenshuizen' })).to.throw(TypeError);
    expect(() => assertDeliveryWindow(WINDOW)).not.to.throw();
  });
});
