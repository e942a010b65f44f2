/** Reading a page the way a parent reads it: rendered text, whitespace collapsed. */
import type { Locator } from 'playwright-core';
import type { PersonName } from '../../adapters/contract/index.ts';

/** Soft hyphens (U+00AD) only show where a long word breaks; a reader never sees them otherwise. */
const SOFT_HYPHEN = /\u00ad/g;

export async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(SOFT_HYPHEN, '').replace(/\s+/g, ' ').trim();
}

/** One table row: the rendered lines of each cell, by the text of its column header. */
export type TableRow = Record<string, string[]>;

/**
 * The body of a table, cell by column header, so a check reads "the Score column" rather than
 * "the third cell" and survives columns being reordered or merged.
 */
export async function readTable(table: Locator): Promise<TableRow[]> {
  // Runs in the page. No named functions inside: tsx would wrap them in a helper the page lacks.
  const { headers, rows } = await table.evaluate((element) => {
    const t = element as HTMLTableElement;
    return {
      headers: Array.from(t.tHead?.rows[0]?.cells ?? []).map((th) => th.innerText),
      rows: Array.from(t.tBodies).flatMap((body) => Array.from(body.rows))
        .map((row) => Array.from(row.cells).map((cell) => cell.innerText)),
    };
  });
  const names = headers.map((h) => renderedLines(h).join(' '));
  return rows.map((cells) => Object.fromEntries(cells.map((cell, i) => [names[i] ?? `#${i}`, renderedLines(cell)])));
}

function renderedLines(text: string): string[] {
  return text.replace(SOFT_HYPHEN, '').split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** A name as a parent sees it: "Nora van de Venne". */
export function displayNameOf(name: PersonName): string {
  return [name.given, name.prefix, name.family].filter((part) => part?.trim()).join(' ');
}
