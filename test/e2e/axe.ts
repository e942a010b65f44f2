/**
 * axe-core in the page (WCAG 2.0/2.1 A and AA rules): injected through the DevTools protocol, so
 * the page's strict CSP stays as it is, and every violation is reported with its nodes.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect } from 'chai';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
let source: Promise<string> | undefined;

interface AxeViolation { id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }

export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(await source);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  }) as AxeViolation[];
  const described = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(described, `axe-core on ${what}`).to.deep.equal([]);
}
