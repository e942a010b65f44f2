/**
 * The results sections are rendered once per view and locale and the HTML is shared
 * (gateway/views/kept-partial.ts). Two viewers of the same child who may see different things
 * must never be served each other's fragment, in either order; viewers who may see the same get
 * the same bytes, each inside their own page.
 */
import { expect } from 'chai';
import request from 'supertest';
import { DEMO_PERSONAS } from '../../adapters/mock/index.ts';
import { createHarness, type Harness } from './parent-pages.support.ts';

const P = DEMO_PERSONAS;
const GROWTH_CHART = '<svg class="growth-chart';

/** The part of a results page the shared fragment makes: from the first results section to the end of main. */
function sectionsOf(html: string): string {
  const start = html.indexOf('<section aria-labelledby="method-heading">');
  expect(start, 'method section').to.be.greaterThan(0);
  return html.slice(start, html.indexOf('</main>'));
}

describe('results fragments shared between viewers', function () {
  this.timeout(20_000);
  let h: Harness;
  let childId: string;
  let fatherId: string;
  let motherId: string;

  beforeEach(async () => {
    fatherId = P.noGezag.guardianId;
    h = await createHarness({ guardianId: P.twoChildren.guardianId });
    const father = await h.sisData.getGuardian!(fatherId);
    childId = father.children[0]!.studentId;
    motherId = (await h.sisData.listGuardiansOfStudent!(childId)).find((g) => g.id !== fatherId)!.id;
    // The father without gezag: a limited account an operator granted the method tests only.
    const at = h.clock.now().toISOString();
    await h.store.accounts.create({
      id: `acc-${fatherId}`, guardianId: fatherId, username: 'ouder-v2008', mustChangePassword: false, status: 'active', scope: 'limited',
      email: 'v2008@example.org', createdAt: at, updatedAt: at,
      grant: { sections: ['results.method'], until: '2099-07-31', reason: 'test', grantedBy: 'test', grantedAt: at },
    });
  });

  async function resultsAs(guardianId: string, scope: 'full' | 'limited'): Promise<{ html: string; handle: string }> {
    await h.as(guardianId, scope);
    const handle = h.handleOf(childId);
    const res = await request(h.app).get(`/kind/${handle}/resultaten`);
    expect(res.status).to.equal(200);
    return { html: res.text, handle };
  }

  for (const order of ['mother first', 'father first'] as const) {
    it(`gives the viewer with gezag the growth charts and the limited viewer only the method tests (${order})`, async () => {
      const mother = () => resultsAs(motherId, 'full');
      const father = () => resultsAs(fatherId, 'limited');
      const [m, f] = order === 'mother first' ? [await mother(), await father()] : await (async () => {
        const fa = await father();
        return [await mother(), fa];
      })();
      expect(m.html).to.include(GROWTH_CHART);
      expect(m.html).to.include('id="lvs-heading"');
      expect(f.html).to.include('id="method-heading"');
      expect(f.html).not.to.include(GROWTH_CHART);
      expect(f.html).not.to.include('id="lvs-heading"');
      // Each page carries its own viewer's child handle, never the other's.
      expect(m.handle).to.not.equal(f.handle);
      expect(f.html).not.to.include(m.handle);
      expect(m.html).not.to.include(f.handle);
      // What the father's fragment holds is exactly his view, whoever came first.
      expect(sectionsOf(f.html)).to.not.include('lvs-subject');
    });
  }

  it('serves two viewers who may see the same the same fragment, each in their own page and language', async () => {
    const twoParents = await createHarness({ guardianId: P.twoChildren.guardianId });
    const [kid] = (await twoParents.sisData.getGuardian!(P.twoChildren.guardianId)).children.filter((l) => l.gezag);
    const page = async (guardianId: string, cookie?: string) => {
      await twoParents.as(guardianId);
      const handle = twoParents.handleOf(kid!.studentId);
      const req = request(twoParents.app).get(`/kind/${handle}/resultaten`);
      const res = await (cookie ? req.set('Cookie', cookie) : req);
      return { html: res.text, handle };
    };
    const mother = await page(P.twoChildren.guardianId);
    const father = await page('V2002');
    expect(sectionsOf(father.html)).to.equal(sectionsOf(mother.html));
    expect(father.html).to.include(father.handle);
    expect(father.html).not.to.include(mother.handle);
    const english = await page('V2002', 'lang=en');
    expect(sectionsOf(english.html)).to.not.equal(sectionsOf(mother.html));
    expect(english.html).to.include('<h2 id="method-heading">Method tests</h2>');
  });
});
