/**
 * Issue 22 item 5, in a real browser at a phone's width (360 px): the level bands of the growth
 * chart can be told apart (distinct fills, a boundary line with 3:1 contrast against both
 * neighbours, the level letter inside each band), and the LVS table says it scrolls sideways and
 * does. Writes docs/screenshots/growth-chart-phone.png.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { useBrowser } from '../support/browser.ts';
import { REPO_ROOT, useDemoApp } from './demo-app.ts';
import { clickAndLoad, logIn } from './page-actions.ts';

const PARENT = { username: 'demo.ouder', password: 'fietsen langs de bloeiende dijk' };
const SCREENSHOT = path.join(REPO_ROOT, 'docs', 'screenshots', 'growth-chart-phone.png');

/** WCAG relative luminance and contrast of two "rgb(r, g, b)" colours. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

async function openResults(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/inloggen`);
  await logIn(page, PARENT.username, PARENT.password);
  await clickAndLoad(page, page.locator('main a[href^="/kind/"]').first());
  await clickAndLoad(page, page.locator('nav.child-nav').getByRole('link', { name: 'Resultaten', exact: true }));
}

describe('the growth chart and its table on a phone (issue 22 item 5)', function () {
  this.timeout(60_000);
  const demo = useDemoApp();

  describe('at 360 px', () => {
    const browser = useBrowser({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 360, height: 780 }, deviceScaleFactor: 2 });

    it('draws bands that can be told apart, each labelled inside, and commits a screenshot', async () => {
      const page = await browser.newPage();
      await openResults(page, demo.url);
      const chart = page.locator('.growth-chart').first();
      await chart.scrollIntoViewIfNeeded();
      const bands = await chart.locator('.band').evaluateAll((nodes) => nodes.map((n) => {
        const style = getComputedStyle(n);
        const box = (n as SVGGraphicsElement).getBBox();
        return { level: n.getAttribute('data-level'), fill: style.fill, stroke: style.stroke, box: { x: box.x, y: box.y, w: box.width, h: box.height } };
      }));
      expect(bands.map((b) => b.level)).to.deep.equal(['A', 'B', 'C', 'D', 'E']);
      expect(new Set(bands.map((b) => b.fill)).size, 'five different fills').to.equal(5);
      for (const [i, band] of bands.entries()) {
        expect(contrast(band.stroke, band.fill), `${band.level}: its edge against its fill`).to.be.at.least(3);
        if (i > 0) expect(contrast(bands[i - 1]!.fill, band.fill), `${bands[i - 1]!.level}/${band.level}: neighbours differ`).to.be.above(1.1);
      }

      const inside = await chart.locator('.band-label-inside').evaluateAll((nodes) => nodes.map((n) => {
        const box = (n as SVGGraphicsElement).getBBox();
        return { label: n.textContent, cx: box.x + box.width / 2, cy: box.y + box.height / 2, fill: getComputedStyle(n).fill };
      }));
      expect(inside.map((l) => l.label), 'a letter in every band').to.deep.equal(['A', 'B', 'C', 'D', 'E']);
      for (const label of inside) {
        const band = bands.find((b) => b.level === label.label)!;
        // Inside the band's box, and on the band's side of both its neighbours' boundaries.
        expect(label.cy, `${label.label} inside its band`).to.be.within(band.box.y, band.box.y + band.box.h);
        expect(label.cx).to.be.within(band.box.x, band.box.x + band.box.w);
        expect(contrast(label.fill, band.fill), `${label.label}: the letter on its band`).to.be.at.least(4.5);
      }

      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways page scroll').to.equal(true);
      await mkdir(path.dirname(SCREENSHOT), { recursive: true });
      await page.locator('.lvs-subject').first().screenshot({ path: SCREENSHOT });
    });

    it('says that the LVS table scrolls sideways, and it does', async () => {
      const page = await browser.newPage();
      await openResults(page, demo.url);
      const hint = page.locator('.scroll-hint').first();
      expect(await hint.isVisible()).to.equal(true);
      expect((await hint.textContent())?.trim()).to.equal('De tabel heeft meer kolommen: schuif hem opzij om alles te zien.');
      const region = page.locator('.lvs-subject .table-scroll').first();
      expect(await region.getAttribute('aria-describedby')).to.equal(await hint.getAttribute('id'));
      const overflow = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(overflow.scroll, 'the table is wider than the phone').to.be.above(overflow.client);
      // The edge shadow: the region paints its scroll cue as a background (no script).
      expect(await region.evaluate((el) => getComputedStyle(el).backgroundImage)).to.include('radial-gradient');
      await region.focus();
      expect(await region.evaluate((el) => el === document.activeElement), 'the region takes keyboard focus').to.equal(true);
      // Keyboard scrolling may be animated, and in a fresh headless browser the first key can land
      // before the region is the scroll target: press, wait (bounded) for it to move, press again,
      // at most five times. A string, because tsx's helpers (__name) do not exist in the page.
      for (let press = 0; press < 5; press++) {
        await region.press('ArrowRight');
        const moved = await page.waitForFunction("(document.querySelector('.lvs-subject .table-scroll')?.scrollLeft ?? 0) > 0", undefined, { timeout: 1000 })
          .then(() => true, () => false);
        if (moved) break;
      }
      expect(await region.evaluate((el) => el.scrollLeft), 'a keyboard scrolls it').to.be.above(0);
    });
  });

  describe('at desktop width', () => {
    const browser = useBrowser({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1100, height: 900 } });

    it('has no scroll hint where the table fits', async () => {
      const page = await browser.newPage();
      await openResults(page, demo.url);
      expect(await page.locator('.scroll-hint').first().isVisible()).to.equal(false);
    });
  });
});
