/**
 * Issue 22 item 8: on English pages the SIS's own words (contact labels, absence reasons) are
 * translated through config/sis-labels.yaml, which the school extends with `school.sisLabels`;
 * a word in neither stays Dutch, marked lang="nl". Dutch pages show the SIS's words unchanged.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { HelperOptions } from 'handlebars';
import { loadSisLabels } from '../../gateway/school/sis-labels.ts';
import { sisLabel } from '../../gateway/views/helpers/sis-label.ts';
import { createTestApp, DEMO } from '../support/app.ts';
import { loginAs } from '../support/agent.ts';

async function childPages(values: Record<string, unknown> = {}) {
  const t = await createTestApp({ values });
  const { agent } = await loginAs(t, DEMO.parent.username, DEMO.parent.password);
  const child = /href="(\/kind\/[^"]+)"/.exec((await agent.get('/')).text)![1]!;
  return { t, agent, child };
}

describe('the SIS\'s own words in English (issue 22 item 8)', function () {
  this.timeout(30_000);

  it('translates known contact labels and absence reasons on English pages, leaves Dutch pages as the SIS wrote them', async () => {
    const { agent, child } = await childPages();
    const en = (await agent.get(child).set('Cookie', 'lang=en')).text;
    expect(en).to.match(/E-mail \(private\)/);
    expect(en).to.match(/Phone \(mobile\)/);
    expect(en).not.to.include('(privé)');
    const nl = (await agent.get(child)).text;
    expect(nl).to.include('(privé)');
    expect(nl).not.to.include('<span lang="nl">');
    const absences = (await agent.get(`${child}/absenties`).set('Cookie', 'lang=en')).text;
    expect(absences).to.match(/<td>(Ill|Doctor\/dentist|Late|Leave granted|Unauthorised|ill|doctor\/dentist|late|leave granted|unauthorised)/);
    expect(absences).not.to.match(/<td>(Ziek|Huisarts\/tandarts|Te laat)/);
  });

  it('takes the school\'s own file over the built-in one, and marks a word in neither as Dutch', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sis-labels-'));
    const file = path.join(dir, 'labels.yaml');
    writeFileSync(file, 'en:\n  Privé: personal\n');
    const { agent, child } = await childPages({ school: { sisLabels: file } });
    const en = (await agent.get(child).set('Cookie', 'lang=en')).text;
    expect(en).to.include('E-mail (personal)');
    expect(en, 'the built-in words still apply').to.include('Phone (mobile)');
  });

  it('shows a word in neither file as the SIS wrote it, marked lang="nl", escaped', () => {
    const labels = loadSisLabels();
    const on = (locale: string) => ({ hash: {}, data: { root: { locale, sisLabels: labels } } }) as unknown as HelperOptions;
    expect(String(sisLabel('Bijles <extra>', on('en')))).to.equal('<span lang="nl">Bijles &lt;extra&gt;</span>');
    expect(String(sisLabel('  ZIEK ', on('en')))).to.equal('ill');
    expect(String(sisLabel('Bijles', on('nl')))).to.equal('Bijles');
  });

  it('refuses an invalid label file at boot, naming the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sis-labels-'));
    const file = path.join(dir, 'labels.yaml');
    writeFileSync(file, 'english:\n  privé: private\n');
    let message = '';
    try {
      await createTestApp({ values: { school: { sisLabels: file } } });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).to.include(file).and.include('english');
  });
});
