/**
 * A method test subject's short trend: a small line of its grades, oldest to newest, beside the
 * latest result. Decorative (aria-hidden): the table next to it holds the same grades in words.
 * Only numeric grades make a line; a groep 3 "goed" / "voldoende" has none.
 */
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

export interface Sparkline {
  width: number;
  height: number;
  d: string;
  /** One per grade, oldest first; the last is the newest. */
  points: Array<{ cx: number; cy: number }>;
}

const WIDTH = 132;
const HEIGHT = 40;
const PAD = 5;

/** `newestFirst` as the table lists them; undefined with fewer than two numeric grades. */
export function sparkline(newestFirst: ReadonlyArray<number | string | undefined>): Sparkline | undefined {
  const grades = newestFirst.filter((g): g is number => typeof g === 'number' && Number.isFinite(g)).reverse();
  if (grades.length < 2) return undefined;
  // Grades 1–10 on their own scale, so a 6 looks like a 6 in every subject; other scores by their range.
  const gradeScale = grades.every((g) => g >= 1 && g <= 10);
  const y = scaleLinear()
    .domain(gradeScale ? [1, 10] : [Math.min(...grades), Math.max(...grades)])
    .nice()
    .range([HEIGHT - PAD, PAD]);
  const x = scalePoint<number>().domain(grades.map((_, i) => i)).range([PAD, WIDTH - PAD]);
  const d = line<number>().x((_, i) => x(i) ?? PAD).y((g) => y(g)).digits(1)(grades) ?? '';
  const r1 = (v: number) => Math.round(v * 10) / 10;
  return {
    width: WIDTH,
    height: HEIGHT,
    d,
    points: grades.map((g, i) => ({ cx: r1(x(i) ?? PAD), cy: r1(y(g)) })),
  };
}
