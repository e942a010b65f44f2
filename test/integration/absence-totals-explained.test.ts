/**
 * Issue 22 (smaller): the absence totals (morning · afternoon · whole day → total) are explained
 * where they are shown, in visible words: each row's numbers appear in a sentence that says a
 * whole day counts as two day parts and a late arrival counts as one time.
 */
import { expect } from 'chai';
import { createTestApp, DEMO } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';

interface Row { label: string; morning: number; afternoon: number; day: number; total: number }

/** The totals table's rows as the page shows them. */
function totalsRows(html: string): Row[] {
  const table = /<caption id="totals-caption">[\s\S]*?<\/table>/.exec(html)![0];
  const rows = [...table.matchAll(/<th scope="row">([^<]+)<\/th>\s*<td class="num">(\d+)<\/td>\s*<td class="num">(\d+)<\/td>\s*<td class="num">(\d+)<\/td>\s*<td class="num">(\d+)<\/td>/g)];
  return rows.map((m) => ({ label: m[1]!, morning: Number(m[2]), afternoon: Number(m[3]), day: Number(m[4]), total: Number(m[5]) }));
}

function explanations(html: string): string[] {
  const list = /<ul class="totals-explained">([\s\S]*?)<\/ul>/.exec(html);
  return list ? [...list[1]!.matchAll(/<li>([^<]+)<\/li>/g)].map((m) => m[1]!.replace(/&#x27;/g, '\'')) : [];
}

const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

describe('the absence totals explained where they are shown (issue 22)', function () {
  this.timeout(30_000);

  it('spells out every non-zero row of the totals table in Dutch and in English', async () => {
    const t = await createTestApp();
    const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
    const children = [...new Set([...(await agent.get('/')).text.matchAll(/href="(\/kind\/[^"/]+)"/g)].map((m) => m[1]!))];
    let checked = 0;
    for (const child of children) {
      const nl = (await agent.get(`${child}/absenties`)).text;
      const rows = totalsRows(nl).filter((r) => r.total > 0);
      if (rows.length === 0) continue;
      expect(nl).to.include('Zo zijn de totalen opgeteld');
      const nlSentences = explanations(nl);
      expect(nlSentences).to.have.length(rows.length);
      const en = (await agent.get(`${child}/absenties`).set('Cookie', 'lang=en')).text;
      expect(en).to.include('How the totals add up');
      const enSentences = explanations(en);
      expect(enSentences).to.have.length(rows.length);
      rows.forEach((row, i) => {
        const nlText = nlSentences[i]!;
        const enText = enSentences[i]!;
        if (row.label === 'te laat') {
          expect(row.total, 'a late arrival counts once').to.equal(row.morning + row.afternoon + row.day);
          expect(nlText).to.equal(`Te laat: ${row.morning} keer in de ochtend, ${row.afternoon} keer in de middag en ${row.day} keer op een hele dag. Samen is dat ${row.total} keer; bij te laat telt elke keer als één, hoe lang het ook duurde.`);
          expect(enText).to.equal(`Late: ${plural(row.morning, 'time', 'times')} in the morning, ${plural(row.afternoon, 'time', 'times')} in the afternoon and ${plural(row.day, 'time', 'times')} on a whole day. Together that is ${plural(row.total, 'time', 'times')}; each late arrival counts as one, however long it was.`);
        } else {
          expect(row.total, 'a whole day counts as two day parts').to.equal(row.morning + row.afternoon + 2 * row.day);
          const kindNl = row.label === 'geoorloofd' ? 'Geoorloofd afwezig' : 'Ongeoorloofd afwezig';
          const kindEn = row.label === 'geoorloofd' ? 'Authorised absence' : 'Unauthorised absence';
          const dayNl = row.day === 1 ? '1 hele dag, die telt als 2 dagdelen' : `${row.day} hele dagen, die elk als 2 dagdelen tellen`;
          const dayEn = row.day === 1 ? '1 whole day, which counts as 2 day parts' : `${row.day} whole days, each counting as 2 day parts`;
          expect(nlText).to.equal(`${kindNl}: ${plural(row.morning, 'ochtend', 'ochtenden')}, ${plural(row.afternoon, 'middag', 'middagen')} en ${dayNl}. ${row.total === 1 ? 'Samen is dat 1 dagdeel.' : `Samen zijn dat ${row.total} dagdelen.`}`);
          expect(enText).to.equal(`${kindEn}: ${plural(row.morning, 'morning', 'mornings')}, ${plural(row.afternoon, 'afternoon', 'afternoons')} and ${dayEn}. ${row.total === 1 ? 'Together that is 1 day part.' : `Together that makes ${row.total} day parts.`}`);
        }
        checked += 1;
      });
    }
    expect(checked, 'the demo parent has a child with absences').to.be.greaterThan(0);
  });
});
