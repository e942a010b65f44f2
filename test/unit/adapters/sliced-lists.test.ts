/** A worker's long lists, cut into parts and put together again one part per turn of the event loop. */
import { expect } from 'chai';
import { assembleLists, sliceLists } from '../../../adapters/shared/sliced-lists.ts';

const pupils = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i), name: `Kind ${i}`, address: { street: 'Dorpsstraat', number: i } }));

describe('sliced lists', () => {
  it('cuts a long nested list into parts of about the asked size and puts the same value together again', async () => {
    const value = { kind: 'return', value: { leerlingen: pupils(1500), groepen: [{ id: 'g1' }] }, bytes: 12 };
    const sliced = sliceLists(value, ['value.leerlingen'], 8 * 1024)!;
    const { parts } = sliced.reply.lists[0]!;
    expect(parts.length).to.be.greaterThan(5);
    for (const part of parts.slice(1, -1)) expect(part.byteLength).to.be.below(16 * 1024);
    expect(await assembleLists(sliced.reply.head, sliced.reply.lists)).to.deep.equal(value);
  });

  it('lets the event loop in before each part', async () => {
    const sliced = sliceLists({ records: pupils(600) }, ['records'], 4 * 1024)!;
    let pauses = 0;
    await assembleLists(sliced.reply.head, sliced.reply.lists, async () => {
      pauses++;
    });
    expect(pauses).to.equal(sliced.reply.lists[0]!.parts.length);
    expect(pauses).to.be.greaterThan(1);
  });

  it('leaves the result it was given as it was', () => {
    const value = { value: { leerlingen: pupils(40), adressen: pupils(3) } };
    sliceLists(value, ['value.leerlingen', 'value.adressen']);
    expect(value.value.leerlingen).to.have.length(40);
    expect(value.value.adressen).to.have.length(3);
  });

  it('skips a path that leads to no list (a fault carries no pupils), and slices nothing when none does', async () => {
    expect(sliceLists({ kind: 'fault', fault: { faultcode: 'Server' } }, ['value.leerlingen'])).to.equal(undefined);
    const value = { kind: 'return', value: { leerlingen: pupils(3) } };
    const sliced = sliceLists(value, ['value.adressen', 'value.leerlingen'])!;
    expect(sliced.reply.lists.map((l) => l.path.join('.'))).to.deep.equal(['value.leerlingen']);
    expect(await assembleLists(sliced.reply.head, sliced.reply.lists)).to.deep.equal(value);
  });

  it('keeps an empty list empty, and transfers the buffers it made', async () => {
    const sliced = sliceLists({ records: [], problems: ['x'] }, ['records'])!;
    expect(sliced.reply.lists[0]!.parts).to.have.length(0);
    expect(sliced.transfer.length).to.be.greaterThan(0);
    expect(await assembleLists(sliced.reply.head, sliced.reply.lists)).to.deep.equal({ records: [], problems: ['x'] });
  });
});
