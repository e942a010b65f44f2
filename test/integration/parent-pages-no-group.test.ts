/** Before the new placement starts a pupil has no group: the pages say so instead of showing last year's. */
import { expect } from 'chai';
import request from 'supertest';
import { DEMO_PERSONAS } from '../../adapters/mock/index.ts';
import type { SisAdapter } from '../../adapters/contract/index.ts';
import { createHarness, gezagChildren, textOf, type Harness } from './parent-pages.support.ts';

const P = DEMO_PERSONAS;

describe('parent pages: a pupil without a group yet', function () {
  this.timeout(20_000);
  let h: Harness;
  let unplaced: string;

  beforeEach(async () => {
    const probe = await createHarness({ guardianId: P.twoChildren.guardianId });
    unplaced = (await gezagChildren(probe, P.twoChildren.guardianId))[0]!;
    const noGroup = (adapter: SisAdapter): SisAdapter => ({
      ...adapter,
      getStudent: async (id) => {
        const { group: _group, jaargroep: _jaargroep, ...rest } = await adapter.getStudent!(id);
        return id === unplaced ? rest : { ...rest, group: _group, jaargroep: _jaargroep };
      },
    });
    h = await createHarness({ guardianId: P.twoChildren.guardianId, wrap: noGroup });
  });

  it('says "no group yet" on the dashboard card and the child page, and keeps the sibling\'s group', async () => {
    const dashboard = textOf((await request(h.app).get('/')).text);
    expect(dashboard).to.include('Nog geen groep: de plaatsing voor het nieuwe schooljaar is nog niet begonnen.');
    const child = await request(h.app).get(`/kind/${h.handleOf(unplaced)}`);
    expect(child.status).to.equal(200);
    expect(textOf(child.text)).to.include('Nog geen groep');
    expect(textOf(child.text)).to.not.match(/jaargroep \d/);
    const [, sibling] = await gezagChildren(h, P.twoChildren.guardianId);
    expect(dashboard).to.include((await h.sisData.getStudent!(sibling!)).group!.name);
  });
});
