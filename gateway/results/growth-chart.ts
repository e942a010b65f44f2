/**
 * The geometry of a growth chart, computed on the server with d3-scale and d3-shape: a child's
 * vaardigheidsscore over the test moments as a line, in front of the national level bands. The
 * result is plain numbers and path strings for an SVG template (views/partials/chart-growth.hbs);
 * no styles, so the strict CSP holds and the stylesheet decides colours, on screen and in print.
 *
 * The SVG has a natural size (1 unit = 1 CSS pixel) and a viewBox, so it shrinks to a phone's
 * width and never grows beyond its natural size.
 */
import { scaleLinear, scalePoint } from 'd3-scale';
import { area, curveMonotoneX, line } from 'd3-shape';

export interface ChartSlotInput {
  key: string;
  /** Under the slot: "M4". */
  label: string;
  /** Under the slots of one school year: "2025-2026". */
  year: string;
  /** Lowest score of each level but the last, best first; absent: no bands at this moment. */
  bands?: readonly number[];
  score?: number;
  /** The score as the page writes it ("142"). */
  scoreLabel?: string;
}

export interface ChartInput {
  slots: readonly ChartSlotInput[];
  /** Level names, best first; one more than the boundaries. */
  levels: readonly string[];
}

export interface ChartText { x: number; y: number; label: string }
export interface ChartBand { rank: number; level: string; d: string }
export interface ChartPoint { key: string; cx: number; cy: number; label: string; labelY: number }

/** How far a phone shrinks the chart: the stylesheet sets larger type for the wider ones. */
export type ChartDensity = 'narrow' | 'medium' | 'wide';

export interface GrowthChart {
  width: number;
  density: ChartDensity;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** Best level first; `rank` 1 is the best. */
  bands: ChartBand[];
  bandLabels: ChartText[];
  /** The level's letter inside each band, where the bands begin: readable without the right margin. */
  inBandLabels: ChartText[];
  yTicks: ChartText[];
  slotLabels: ChartText[];
  yearLabels: ChartText[];
  /** x of a line between two school years. */
  yearDividers: number[];
  /** The line through consecutive moments; breaks where a moment has no score. */
  line?: string;
  /** Dashed, behind `line`: bridges the moments without a score. */
  gapLine?: string;
  points: ChartPoint[];
  axisTitle: { x: number; y: number };
}

const HEIGHT = 300;
const MARGIN = { top: 30, right: 34, bottom: 52, left: 46 };
const STEP = 96;
const MIN_WIDTH = 360;
const MAX_WIDTH = 760;
const MIN_LABELLED_BAND = 13;

const r1 = (v: number) => Math.round(v * 10) / 10;

interface BandPoint { x: number; bounds: readonly number[] }

/** Consecutive slots with bands, each run widened by half a step on both sides. */
function bandRuns(slots: readonly ChartSlotInput[], x: (key: string) => number, half: number): BandPoint[][] {
  const runs: BandPoint[][] = [];
  let run: BandPoint[] = [];
  const close = () => {
    const first = run[0];
    const last = run.at(-1);
    if (first && last) runs.push([{ x: first.x - half, bounds: first.bounds }, ...run, { x: last.x + half, bounds: last.bounds }]);
    run = [];
  };
  for (const slot of slots) {
    if (slot.bands) run.push({ x: x(slot.key), bounds: slot.bands });
    else close();
  }
  close();
  return runs;
}

export function growthChart(input: ChartInput): GrowthChart {
  const { slots, levels } = input;
  const width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, MARGIN.left + MARGIN.right + STEP * slots.length));
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };

  const xScale = scalePoint<string>().domain(slots.map((s) => s.key)).range([plot.left, plot.right]).padding(0.5);
  const x = (key: string) => xScale(key) ?? plot.left;
  const half = xScale.step() / 2;

  // The scale holds every score and every boundary shown, with room above and below so the best
  // and the lowest band are visible too, also for a score far outside the usual range.
  const scores = slots.flatMap((s) => (s.score === undefined ? [] : [s.score]));
  const bounds = slots.flatMap((s) => s.bands ?? []);
  const values = [...scores, ...bounds];
  const lo = values.length > 0 ? Math.min(...values) : 0;
  const hi = values.length > 0 ? Math.max(...values) : 1;
  const pad = Math.max((hi - lo) * 0.15, 5);
  const y = scaleLinear().domain([lo - pad, hi + pad]).nice().range([plot.bottom, plot.top]);
  const [bottomValue, topValue] = y.domain() as [number, number];

  const runs = bandRuns(slots, x, half);
  const bands: ChartBand[] = levels.map((level, k) => {
    const upper = (p: BandPoint) => (k === 0 ? topValue : (p.bounds[k - 1] as number));
    const lower = (p: BandPoint) => (k === levels.length - 1 ? bottomValue : (p.bounds[k] as number));
    const shape = area<BandPoint>().x((p) => p.x).y0((p) => y(lower(p))).y1((p) => y(upper(p))).curve(curveMonotoneX).digits(1);
    return { rank: k + 1, level, d: runs.map((run) => shape(run) ?? '').join('') };
  }).filter((b) => b.d !== '');

  // Level names in the right margin, beside where the bands end.
  const end = runs.at(-1)?.at(-1);
  const bandLabels: ChartText[] = end ? levels.flatMap((level, k) => {
    const top = y(k === 0 ? topValue : (end.bounds[k - 1] as number));
    const bottom = y(k === levels.length - 1 ? bottomValue : (end.bounds[k] as number));
    return bottom - top >= MIN_LABELLED_BAND ? [{ x: r1(plot.right + 8), y: r1((top + bottom) / 2 + 4), label: level }] : [];
  }) : [];

  const start = runs[0]?.[0];
  const inBandLabels: ChartText[] = start ? levels.flatMap((level, k) => {
    const top = y(k === 0 ? topValue : (start.bounds[k - 1] as number));
    const bottom = y(k === levels.length - 1 ? bottomValue : (start.bounds[k] as number));
    return bottom - top >= MIN_LABELLED_BAND ? [{ x: r1(Math.max(start.x, plot.left) + 6), y: r1((top + bottom) / 2 + 4), label: level }] : [];
  }) : [];

  const yTicks = y.ticks(5).map((v) => ({ x: plot.left - 6, y: r1(y(v)), label: String(v) }));
  const slotLabels = slots.map((s) => ({ x: r1(x(s.key)), y: plot.bottom + 18, label: s.label }));

  const years: Array<{ year: string; xs: number[] }> = [];
  for (const s of slots) {
    const current = years.at(-1);
    if (current?.year === s.year) current.xs.push(x(s.key));
    else years.push({ year: s.year, xs: [x(s.key)] });
  }
  const yearLabels = years.map((g) => ({ x: r1((Math.min(...g.xs) + Math.max(...g.xs)) / 2), y: plot.bottom + 38, label: g.year }));
  const yearDividers = years.slice(1).map((g) => r1(Math.min(...g.xs) - half));

  const scored = slots.filter((s) => s.score !== undefined);
  const path = line<ChartSlotInput>().x((s) => x(s.key)).y((s) => y(s.score ?? 0)).digits(1);
  const solid = path.defined((s) => s.score !== undefined)(slots) ?? undefined;
  const firstScored = slots.findIndex((s) => s.score !== undefined);
  const lastScored = slots.findLastIndex((s) => s.score !== undefined);
  const hasGap = slots.slice(firstScored, lastScored + 1).some((s) => s.score === undefined);
  const gapLine = hasGap ? line<ChartSlotInput>().x((s) => x(s.key)).y((s) => y(s.score ?? 0)).digits(1)(scored) ?? undefined : undefined;

  const points = scored.map((s) => {
    const cy = y(s.score as number);
    // The value sits above its point, or below it where the top of the plot would cut it off.
    const labelY = cy - 10 < plot.top + 12 ? cy + 20 : cy - 10;
    return { key: s.key, cx: r1(x(s.key)), cy: r1(cy), label: s.scoreLabel ?? String(s.score), labelY: r1(labelY) };
  });

  return {
    width, density: width <= 400 ? 'narrow' : width <= 520 ? 'medium' : 'wide', height: HEIGHT, plot, bands, bandLabels, inBandLabels, yTicks, slotLabels, yearLabels, yearDividers,
    // A single point draws no visible line; its circle shows it.
    ...(scored.length > 1 && solid ? { line: solid } : {}),
    ...(gapLine ? { gapLine } : {}),
    points,
    axisTitle: { x: 4, y: plot.top - 14 },
  };
}
