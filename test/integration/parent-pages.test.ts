import { expect } from 'chai';
import request from 'supertest';
import { DEMO_PERSONAS } from '../../adapters/mock/index.ts';
import { schoolYearOf } from '../../gateway/sis/school-year.ts';
import { createHarness, gezagChildren, portal, textOf, type Harness } from './parent-pages.support.ts';

const P = DEMO_PERSONAS;

describe('parent pages', function () {
  this.timeout(20_000);
  let h: Harness;

  beforeEach(async () => {
    h = await createHarness({ guardianId: P.twoChildren.guardianId });
  });

  describe('dashboard', () => {
    it('lists exactly the viewer\'s children with gezag, with group and teacher, linked by handle', async () => {
      const ids = await gezagChildren(h, P.twoChildren.guardianId);
      expect(ids).to.have.length(2);
      const res = await request(h.app).get('/');
      expect(res.status).to.equal(200);
      const cards = res.text.match(/<li class="card">/g) ?? [];
      expect(cards).to.have.length(2);
      for (const id of ids) {
        const student = await h.sisData.getStudent!(id);
        expect(res.text).to.include(`href="/kind/${h.handleOf(id)}"`);
        expect(res.text).to.include(student.name.given);
        expect(res.text).to.include(student.group!.name);
        expect(res.text).to.include(student.teachers[0]!.name.family);
        expect(res.text).not.to.include(id);
      }
    });

    it('shows a parent without gezag no children, unless an operator granted a limited account', async () => {
      await h.as(P.noGezag.guardianId, 'full');
      const none = await request(h.app).get('/');
      expect(none.text).not.to.include('class="card"');
      expect(textOf(none.text)).to.include('Er zijn geen kinderen aan uw account gekoppeld');

      await h.as(P.noGezag.guardianId, 'limited');
      const limited = await request(h.app).get('/');
      expect(limited.text.match(/<li class="card">/g)).to.have.length(1);
    });

    it('records one audit entry per child shown', async () => {
      const res = await request(h.app).get('/');
      const records = await h.store.audit.query({ actor: h.viewer.accountId });
      expect(records.map((r) => r.studentId).sort()).to.deep.equal((await gezagChildren(h, P.twoChildren.guardianId)).sort());
      expect(records.every((r) => r.section === 'dashboard' && r.action === 'view' && r.actorKind === 'parent')).to.equal(true);
      expect(res.status).to.equal(200);
    });
  });

  describe('child handles', () => {
    it('answers another family\'s child, another account\'s handle and garbage with the same 404, asking the SIS nothing about them', async () => {
      const [foreignId] = await gezagChildren(h, P.secretAddress.guardianId);
      const [ownId] = await gezagChildren(h, P.twoChildren.guardianId);
      const tries = [
        h.handleOf(foreignId!),
        h.handles.handleFor('acc-someone-else', ownId!),
        'AAAAAAAAAAAAAAAA',
        'not-a-handle',
      ];
      const bodies: string[] = [];
      for (const handle of tries) {
        for (const page of ['', '/absenties', '/resultaten']) {
          const res = await request(h.app).get(`/kind/${handle}${page}`);
          expect(res.status, `${handle}${page}`).to.equal(404);
          expect(res.headers['cache-control']).to.equal('no-store');
          // Only the request id and the language switch's way back differ.
          bodies.push(res.text.replace(/req-\d+/g, 'req-N').replaceAll(encodeURIComponent(`/kind/${handle}${page}`), 'PATH'));
        }
      }
      expect(new Set(bodies).size).to.equal(1);
      expect(h.calledWith(foreignId!)).to.equal(false);
      expect(h.calls.every((c) => c.method === 'getGuardian' || c.args[0] !== foreignId)).to.equal(true);
      // No view is recorded; each refusal is, as a denial naming no pupil.
      const audit = await h.store.audit.query({});
      expect(audit).to.have.length(tries.length * 3);
      for (const record of audit) {
        expect(record).to.include({ action: 'access.denied', actorKind: 'parent' });
        expect(record.studentId).to.equal(undefined);
      }
    });
  });

  describe('separated parents and secret data', () => {
    it('never shows the other parent\'s secret address or phone, on any page', async () => {
      const mother = await h.sisData.getGuardian!(P.secretAddress.guardianId);
      expect(mother.address?.secret).to.equal(true);
      const secretPhones = mother.contacts.filter((c) => c.secret).map((c) => c.value);
      expect(secretPhones).to.have.length.greaterThan(0);
      const fatherId = (await h.sisData.listGuardiansOfStudent!(mother.children[0]!.studentId))
        .find((g) => g.id !== mother.id)!.id;

      await h.as(fatherId);
      const childId = mother.children[0]!.studentId;
      const handle = h.handleOf(childId);
      for (const path of ['/', `/kind/${handle}`, `/kind/${handle}/absenties`, `/kind/${handle}/resultaten`]) {
        const res = await request(h.app).get(path);
        expect(res.status, path).to.equal(200);
        expect(res.text, path).not.to.include(mother.address!.street);
        expect(res.text, path).not.to.include(mother.address!.postcode);
        for (const phone of secretPhones) expect(res.text, path).not.to.include(phone);
      }
      const overview = textOf((await request(h.app).get(`/kind/${handle}`)).text);
      expect(overview).to.include(mother.name.given);
      // The same words as for a child without an address: nothing tells the father one is hidden.
      expect(overview).to.include('Geen adres geregistreerd.');
      expect(overview).not.to.match(/niet getoond|verborgen/i);
    });

    it('shows the parent their own secret address and phone, marked geheim', async () => {
      await h.as(P.secretAddress.guardianId);
      const mother = await h.sisData.getGuardian!(P.secretAddress.guardianId);
      const res = await request(h.app).get(`/kind/${h.handleOf(mother.children[0]!.studentId)}`);
      expect(res.text).to.include(mother.address!.street);
      expect(res.text).to.include(mother.contacts.find((c) => c.secret)!.value);
      expect(res.text).to.include('<span class="tag tag-secret">geheim</span>');
    });

    it('gives a limited account no contact data of the child or the other parent', async () => {
      await h.as(P.noGezag.guardianId, 'limited');
      const father = await h.sisData.getGuardian!(P.noGezag.guardianId);
      const childId = father.children[0]!.studentId;
      const mother = (await h.sisData.listGuardiansOfStudent!(childId)).find((g) => g.id !== father.id)!;
      const res = await request(h.app).get(`/kind/${h.handleOf(childId)}`);
      expect(res.status).to.equal(200);
      for (const c of mother.contacts) expect(res.text).not.to.include(c.value);
      const child = await h.sisData.getStudent!(childId);
      if (child.address) expect(res.text).not.to.include(child.address.street);
      expect(textOf(res.text)).to.include('geen adres- en contactgegevens');
    });
  });

  describe('absences', () => {
    it('lists this school year\'s absences with correct totals per kind and day part', async () => {
      const [childId] = await gezagChildren(h, P.twoChildren.guardianId);
      const year = schoolYearOf(h.clock.now());
      const absences = (await h.sisData.listAbsences!(childId!, { from: year.from, to: year.to })).filter((a) => a.kind !== 'summary');
      expect(absences.length).to.be.greaterThan(0);
      const res = await request(h.app).get(`/kind/${h.handleOf(childId!)}/absenties`);
      expect(res.status).to.equal(200);
      expect(res.text.match(/<td class="status-/g)).to.have.length(absences.length);

      const rows = [...res.text.matchAll(/<th scope="row">([^<]+)<\/th>\s*<td class="num">(\d+)<\/td>\s*<td class="num">(\d+)<\/td>\s*<td class="num">(\d+)<\/td>\s*<td class="num">(\d+)<\/td>/g)]
        .map((m) => ({ label: m[1], morning: Number(m[2]), afternoon: Number(m[3]), day: Number(m[4]), total: Number(m[5]) }));
      const expected = (pick: (a: (typeof absences)[number]) => boolean, weigh: boolean) => {
        const own = absences.filter(pick);
        const count = (p: string) => own.filter((a) => a.dayPart === p).length;
        return {
          morning: count('morning'), afternoon: count('afternoon'), day: count('day'),
          total: weigh ? count('morning') + count('afternoon') + 2 * count('day') : own.length,
        };
      };
      expect(rows.map((r) => r.label)).to.deep.equal(['geoorloofd', 'ongeoorloofd', 'te laat']);
      expect(rows[0]).to.deep.include(expected((a) => !a.late && a.authorised, true));
      expect(rows[1]).to.deep.include(expected((a) => !a.late && !a.authorised, true));
      expect(rows[2]).to.deep.include(expected((a) => a.late, false));
      expect(textOf(res.text)).to.include(`schooljaar ${year.name}`);
    });
  });

  describe('results', () => {
    it('shows method tests by subject and LVS results with level and vaardigheidsscore', async () => {
      const [childId] = await gezagChildren(h, P.twoChildren.guardianId);
      const results = await h.sisData.listResults!(childId!);
      const lvs = results.find((r) => r.kind === 'lvs' && r.vaardigheidsscore !== undefined)!;
      const res = await request(h.app).get(`/kind/${h.handleOf(childId!)}/resultaten`);
      expect(res.status).to.equal(200);
      const text = textOf(res.text);
      expect(text).to.include('Methodetoetsen');
      expect(text).to.include(lvs.testName);
      expect(text).to.include(String(lvs.vaardigheidsscore));
      expect(text).to.include(portal.resultsNote.nl.slice(0, 40));
      expect(res.text).to.match(/<summary title="Een vergelijking met kinderen [^"]+">niveau A tot en met E<\/summary>/);
    });
  });

  describe('audit', () => {
    it('records each section viewed, with the child, the section and the request id', async () => {
      const [childId] = await gezagChildren(h, P.twoChildren.guardianId);
      const base = `/kind/${h.handleOf(childId!)}`;
      for (const path of [base, `${base}/absenties`, `${base}/resultaten`]) {
        expect((await request(h.app).get(path)).status).to.equal(200);
      }
      const records = (await h.store.audit.query({ actor: h.viewer.accountId })).reverse();
      expect(records.map((r) => r.section)).to.deep.equal(['personalia', 'absences', 'results.method', 'results.lvs']);
      expect(records.every((r) => r.studentId === childId && r.action === 'view' && r.actorKind === 'parent')).to.equal(true);
      expect(records.map((r) => r.requestId)).to.deep.equal(['req-1', 'req-2', 'req-3', 'req-3']);
      expect(records[0]!.at).to.equal(h.clock.now().toISOString());
    });
  });

  describe('language, caching and the other pages', () => {
    it('renders in English when the lang cookie says so', async () => {
      const [childId] = await gezagChildren(h, P.twoChildren.guardianId);
      const dashboard = await request(h.app).get('/').set('Cookie', 'lang=en');
      expect(dashboard.text).to.include('<html lang="en">');
      expect(textOf(dashboard.text)).to.include('Your children');
      const overview = await request(h.app).get(`/kind/${h.handleOf(childId!)}`).set('Cookie', 'lang=en');
      expect(textOf(overview.text)).to.match(/Parents and carers .*(mother|father)/);
      expect(textOf(overview.text)).not.to.include('Ouders en verzorgers');
      expect(overview.text).to.include('<a href="/" aria-current="true">Overview</a>');
      expect(dashboard.text).to.include('<a href="/" aria-current="page">Overview</a>');
    });

    it('marks every personal page no-store', async () => {
      const [childId] = await gezagChildren(h, P.twoChildren.guardianId);
      const base = `/kind/${h.handleOf(childId!)}`;
      for (const path of ['/', base, `${base}/absenties`, `${base}/resultaten`, '/hulp', '/account', '/kind/AAAAAAAAAAAAAAAA']) {
        const res = await request(h.app).get(path);
        expect(res.headers['cache-control'], path).to.equal('no-store');
      }
    });

    it('shows the school\'s help text, support moment and agreements in the page\'s language', async () => {
      const nl = textOf((await request(h.app).get('/hulp')).text);
      expect(nl).to.include('maandag 14 december 2026, van 8.30 tot 9.15 uur');
      expect(nl).to.include(portal.communicationAgreements[1]!.nl.slice(0, 50));
      const en = textOf((await request(h.app).get('/hulp').set('Cookie', 'lang=en')).text);
      expect(en).to.include('from 8:30 to 9:15');
      expect(en).to.include(portal.howItWorks[0]!.en.slice(0, 50));
    });

    it('shows the account with a change-password form that posts the CSRF token and echoes no password', async () => {
      const res = await request(h.app).get('/account');
      expect(res.status).to.equal(200);
      expect(res.text).to.include('ouder-v2001');
      const form = res.text.match(/<form method="post" action="\/account\/wachtwoord">[\s\S]*?<\/form>/)![0];
      expect(form).to.include('<input type="hidden" name="_csrf" value="test-csrf-token">');
      for (const name of ['currentPassword', 'newPassword', 'confirmPassword']) {
        const input = form.match(new RegExp(`<input id="field-${name}"[^>]*>`))![0];
        expect(input).to.match(new RegExp(`name="${name}" type="password" autocomplete="[a-z-]+" required`));
        expect(input).not.to.include('value=');
        expect(form).to.match(new RegExp(`<label for="field-${name}">`));
      }
      expect(res.text).to.include('<form method="post" action="/uitloggen">');
      expect(res.text).not.to.include('banner-success');
      const saved = await request(h.app).get('/account?opgeslagen=1');
      expect(textOf(saved.text)).to.include('Uw wachtwoord is gewijzigd.');
    });
  });
});
