/**
 * Answers written the way other SOAP stacks write them (test/fixtures/parnassys/other-stack-*.xml,
 * fault-soap12-receiver.xml): empty and nil elements, one unreadable record, ISO-8859-1 and
 * windows-1252, character references, an unclosed last-year placement in the summer, a
 * combination group without leerjaar, a SOAP 1.2 fault.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { interceptGetLeerlingen, useOfflineNock } from '../../fixtures/parnassys/soap.ts';
import { buildAdapter, expectSisError } from './support.ts';

const bytes = (name: string) => readFileSync(new URL(`../../fixtures/parnassys/${name}`, import.meta.url));
const TEXT_XML = { 'Content-Type': 'text/xml' };

describe('parnassys: answers from other SOAP stacks', () => {
  useOfflineNock();

  describe('one bad record does not take the school down', () => {
    it('reads an empty <telefoon/>, nil elements and an empty <adres/> as absent values (an empty element is no record)', async () => {
      interceptGetLeerlingen().reply(200, bytes('other-stack-empty-elements.xml'), TEXT_XML);
      const { adapter } = buildAdapter();
      const daan = await adapter.getStudent!('p-1');
      expect(daan.contacts).to.deep.equal([{ kind: 'phone', value: '0101234567', secret: false, emergency: false }]);
      expect(daan.address).to.include({ street: 'Molenweg', postcode: '1234 AB' });
      expect(daan.name).to.not.have.property('prefix');
    });

    it('skips the one unreadable pupil and names it by id in the log and the health detail', async () => {
      interceptGetLeerlingen().reply(200, bytes('other-stack-empty-elements.xml'), TEXT_XML);
      const { adapter, lines } = buildAdapter();
      const page = await adapter.listStudents!();
      expect(page.items.map((s) => s.id)).to.deep.equal(['p-1', 'p-2', 'p-4']);
      await expectSisError(adapter.getStudent!('p-3'), 'SIS_NOT_FOUND');
      const logged = lines.find((l) => l.msg === 'ParnasSys pupils joined');
      expect(logged?.level).to.equal('warn');
      expect(logged?.obj).to.deep.include({ skipped: { 'unreadable-record': ['p-3'] } });
      const unreadable = (logged?.obj as { unreadable: Array<{ kind: string; ref: string }> }).unreadable;
      expect(unreadable.map((u) => `${u.kind} ${u.ref}`)).to.deep.equal(['leerling p-3', 'adres #2']);
      const health = await adapter.healthCheck();
      expect(health.ok).to.equal(true);
      expect(health.detail).to.match(/1 pupil\(s\) left out \(unreadable-record: p-3\)/);
      expect(health.detail).to.match(/unreadable records left out: adres #2/);
      // Nothing but ids: no name of the pupil that was left out.
      expect(JSON.stringify(logged?.obj)).to.not.include('Noor');
    });
  });

  describe('names come out as the SIS wrote them', () => {
    it('honours an ISO-8859-1 XML declaration and decodes character references', async () => {
      interceptGetLeerlingen().reply(200, bytes('other-stack-latin1.xml'), TEXT_XML);
      const { adapter } = buildAdapter();
      const names = (await adapter.listStudents!()).items.map((s) => `${s.name.given} ${s.name.family}`);
      expect(names).to.deep.equal(['Björn Çelik', 'René Brouwer', 'Zoë Dijkstra']);
      expect((await adapter.getStudent!('p-2')).address!.street).to.equal('Brückeweg');
    });

    it('honours an HTTP charset (windows-1252) when the answer has no declaration', async () => {
      const body = Buffer.from(bytes('other-stack-latin1.xml').toString('latin1').replace(/^<\?xml[^>]*>\s*/, ''), 'latin1');
      interceptGetLeerlingen().reply(200, body, { 'Content-Type': 'text/xml; charset=windows-1252' });
      const { adapter } = buildAdapter();
      expect((await adapter.getStudent!('p-1')).name.given).to.equal('Björn');
    });

    it('refuses an encoding it cannot read instead of guessing', async () => {
      interceptGetLeerlingen().reply(200, bytes('other-stack-latin1.xml'), { 'Content-Type': 'text/xml; charset=x-made-up' });
      const { adapter } = buildAdapter();
      const err = await expectSisError(adapter.listStudents!(), 'SIS_BAD_RESPONSE');
      expect(err.message).to.match(/x-made-up/);
    });
  });

  describe('the school year decides the group', () => {
    const summer = '2026-08-10T08:00:00Z';

    it('before the new placement starts, a pupil with an unclosed last-year placement has no group', async () => {
      interceptGetLeerlingen({ schoolYear: '2026 / 2027', times: 'persist' }).reply(200, bytes('other-stack-summer.xml'), TEXT_XML);
      const { adapter, clock } = buildAdapter({ cacheMs: 0 }, { now: summer });
      const daan = await adapter.getStudent!('p-1');
      expect(daan).to.not.have.property('group');
      expect(daan).to.not.have.property('jaargroep');
      expect((await adapter.healthCheck()).detail).to.match(/no group yet \(placement not started\): p-1/);
      clock.set('2026-08-24T06:00:00Z');
      const placed = await adapter.getStudent!('p-1');
      expect(placed.group).to.deep.include({ id: 'g-5', name: 'Groep 5' });
      expect(placed.jaargroep).to.equal(5);
    });

    it('keeps a pupil in a combination group without leerjaar, without jaargroep, and reports the id', async () => {
      interceptGetLeerlingen({ schoolYear: '2026 / 2027', times: 'persist' }).reply(200, bytes('other-stack-summer.xml'), TEXT_XML);
      const { adapter, lines } = buildAdapter({ cacheMs: 0 }, { now: summer });
      const fenna = await adapter.getStudent!('p-2');
      expect(fenna.group).to.deep.equal({ id: 'g-uil', name: 'Combinatiegroep Uilen', jaargroepen: [6] });
      expect(fenna).to.not.have.property('jaargroep');
      // Where the group's name says it, the jaargroep comes from there.
      expect((await adapter.getStudent!('p-3')).jaargroep).to.equal(7);
      expect((await adapter.getStudent!('p-4')).jaargroep).to.equal(6);
      expect(lines.find((l) => l.msg === 'ParnasSys pupils joined')?.obj).to.deep.include({ withoutJaargroep: ['p-2'] });
      expect((await adapter.healthCheck()).detail).to.match(/without jaargroep \(the group names none, no leerjaar\): p-2/);
    });
  });

  describe('SOAP 1.2 faults', () => {
    it('reads a Receiver fault as a fault: transient, with code and reason', async () => {
      interceptGetLeerlingen().reply(500, bytes('fault-soap12-receiver.xml'), { 'Content-Type': 'application/soap+xml; charset=utf-8' });
      const { adapter } = buildAdapter();
      const err = await expectSisError(adapter.listStudents!(), 'SIS_UNAVAILABLE');
      expect(err.message).to.equal('ParnasSys reported a server fault: De database is tijdelijk niet bereikbaar.');
      expect(err.cause).to.deep.equal({ status: 500, code: 'soap:Server/DatabaseUnavailable' });
    });

    it('reads a Sender fault as a rejected request, with its reason', async () => {
      const sender = bytes('fault-soap12-receiver.xml').toString('utf8').replace('env:Receiver', 'env:Sender').replace('De database is tijdelijk niet bereikbaar.', 'Onbekend BRIN-nummer.');
      interceptGetLeerlingen().reply(400, sender, { 'Content-Type': 'application/soap+xml' });
      const { adapter } = buildAdapter();
      const err = await expectSisError(adapter.listStudents!(), 'SIS_BAD_RESPONSE');
      expect(err.message).to.equal('ParnasSys rejected the request: Onbekend BRIN-nummer.');
    });
  });
});
