/**
 * The x axis of a growth chart: one slot per test moment (B/M/E of a school year), from the first
 * result to the last. A moment without a test in between — a missed test, a year abroad — keeps
 * its slot, empty, so the line shows the gap instead of hiding it.
 */
import type { TestResult } from '../../adapters/contract/index.ts';

export type Moment = 'B' | 'M' | 'E';
const MOMENT_ORDER: readonly Moment[] = ['B', 'M', 'E'];

export interface LvsSlot {
  key: string;
  schoolYear: string;
  moment?: Moment;
  /** Known from the slot's result, or inferred for an empty slot between two years that agree. */
  jaargroep?: number;
  /** A result without a moment is placed by its date. */
  date?: string;
  /** The result the chart plots here: the latest with a vaardigheidsscore. */
  result?: TestResult;
}

const START_YEAR = /^(\d{4})\D/;

function startYear(schoolYear: string): number | undefined {
  const m = START_YEAR.exec(schoolYear.trim());
  return m ? Number(m[1]) : undefined;
}

/** "2025-2026" from 2025, in the writing the results use. */
function yearLabel(start: number, like: string): string {
  const separator = /^\d{4}(\s*[-/]\s*)\d{4}$/.exec(like.trim())?.[1] ?? '-';
  return `${start}${separator}${start + 1}`;
}

const byDate = (a: TestResult, b: TestResult) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

function plotted(results: TestResult[]): TestResult | undefined {
  return results.filter((r) => r.vaardigheidsscore !== undefined).sort(byDate).at(-1);
}

function jaargroepOf(results: TestResult[]): number | undefined {
  return [...results].sort(byDate).at(-1)?.jaargroep;
}

/** Results placed by date only (some lack a moment or a readable year): no gaps can be known. */
function slotsByDate(results: TestResult[]): LvsSlot[] {
  const groups = new Map<string, TestResult[]>();
  for (const r of [...results].sort(byDate)) {
    const key = `${r.schoolYear}|${r.moment ?? r.date}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()].map(([key, rs]) => {
    const first = rs[0] as TestResult;
    return {
      key, schoolYear: first.schoolYear, jaargroep: jaargroepOf(rs),
      ...(first.moment ? { moment: first.moment } : { date: first.date }),
      result: plotted(rs),
    };
  });
}

function inferJaargroep(slots: LvsSlot[], i: number, years: number[]): number | undefined {
  const year = years[i] as number;
  const before = slots.slice(0, i).map((s, j) => ({ s, y: years[j] as number })).filter((x) => x.s.jaargroep !== undefined).at(-1);
  const after = slots.slice(i + 1).map((s, j) => ({ s, y: years[i + 1 + j] as number })).find((x) => x.s.jaargroep !== undefined);
  const fromBefore = before ? (before.s.jaargroep as number) + (year - before.y) : undefined;
  const fromAfter = after ? (after.s.jaargroep as number) - (after.y - year) : undefined;
  // A repeated or skipped year makes the two disagree: then the group is not known.
  const guess = fromBefore !== undefined && fromAfter !== undefined && fromBefore !== fromAfter ? undefined : fromBefore ?? fromAfter;
  return guess !== undefined && guess >= 1 && guess <= 8 ? guess : undefined;
}

/** The slots of one subject's LVS results, oldest first. */
export function lvsSlots(results: TestResult[]): LvsSlot[] {
  if (results.length === 0) return [];
  const starts = results.map((r) => startYear(r.schoolYear));
  if (results.some((r) => !r.moment) || starts.some((y) => y === undefined)) return slotsByDate(results);

  const used = MOMENT_ORDER.filter((m) => results.some((r) => r.moment === m));
  const first = Math.min(...(starts as number[]));
  const last = Math.max(...(starts as number[]));
  const like = results[0]?.schoolYear ?? '';
  const slots: LvsSlot[] = [];
  const years: number[] = [];
  for (let year = first; year <= last; year++) {
    for (const moment of used) {
      const here = results.filter((r, i) => starts[i] === year && r.moment === moment);
      slots.push({
        key: `${year}|${moment}`,
        schoolYear: here[0]?.schoolYear ?? yearLabel(year, like),
        moment,
        jaargroep: jaargroepOf(here),
        result: plotted(here),
      });
      years.push(year);
    }
  }
  // From the first moment with a result to the last: no empty slots at either end.
  const taken = slots.map((s, i) => ({ s, i })).filter(({ s }) => results.some((r) => `${startYear(r.schoolYear)}|${r.moment}` === s.key));
  const from = taken[0]?.i ?? 0;
  const to = taken.at(-1)?.i ?? slots.length - 1;
  const kept = slots.slice(from, to + 1);
  const keptYears = years.slice(from, to + 1);
  return kept.map((slot, i) => (slot.jaargroep === undefined ? { ...slot, jaargroep: inferJaargroep(kept, i, keptYears) } : slot));
}
