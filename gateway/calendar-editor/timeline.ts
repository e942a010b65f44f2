/**
 * The school year at a glance (1 August – 31 July), computed on the server with d3-scale for an
 * SVG template (views/partials/calendar-timeline.hbs): a row per section, split per group where
 * the groups' years differ, with the open stretches, the closures (each with its reason) and the
 * closed rest; the scheduled events as markers; month ticks; a line for today. Plain numbers and
 * strings only: the stylesheet colours it (strict CSP), on screen and in print.
 *
 * States come from stateOnDate, the function parents' pages are answered by.
 */
import { scaleUtc } from 'd3-scale';
import type { Bilingual, Calendar, ScheduledEvent } from '../policy/calendar-types.ts';
import { boundaryDates, stateOnDate } from '../policy/evaluate.ts';
import { JAARGROEPEN, SECTIONS, type Jaargroep, type Section } from '../policy/vocabulary.ts';

export type SegmentState = 'open' | 'closure' | 'closed';

export interface TimelineSegment {
  from: string;
  /** The first day after the stretch (the next school year's 1 August for the last). */
  until: string;
  state: SegmentState;
  closureId?: string;
  reason?: Bilingual;
  x: number;
  width: number;
}

export interface TimelineRow {
  section: Section;
  /** The groups this row is for; all eight when the groups do not differ. */
  groups: Jaargroep[];
  y: number;
  labelY: number;
  segments: TimelineSegment[];
}

/** A scheduled event of the year, placed on the time axis. */
export interface TimelineEvent extends Pick<ScheduledEvent, 'id' | 'kind' | 'at' | 'until' | 'groups' | 'description'> {
  x: number;
}

export interface Timeline {
  /** "2026-2027". */
  schoolYear: string;
  start: string;
  /** The first day after the year: 1 August. */
  end: string;
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  rows: TimelineRow[];
  events: TimelineEvent[];
  eventsY: number;
  eventsLabelY: number;
  months: Array<{ date: string; x: number; labelX: number }>;
  today?: { date: string; x: number };
  barHeight: number;
  todayLabelY: number;
}

const WIDTH = 760;
const MARGIN = { top: 28, right: 12, bottom: 22, left: 12 };
const ROW = 46;
const BAR = 18;
const r1 = (v: number) => Math.round(v * 10) / 10;

/** The school year (1 August – 31 July) holding a local date. */
export function schoolYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5) >= '08-01' ? year : year - 1;
}

/** The first year of a label like "2026-2027", when it is one. */
export function schoolYearFromLabel(label: string | undefined): number | undefined {
  const match = label && /^(\d{4})-(\d{4})$/.exec(label);
  return match && Number(match[2]) === Number(match[1]) + 1 ? Number(match[1]) : undefined;
}

function segmentsOf(calendar: Calendar, section: Section, group: Jaargroep, start: string, end: string): Omit<TimelineSegment, 'x' | 'width'>[] {
  const dates = [start, ...boundaryDates(calendar).filter((d) => d > start && d < end)];
  const out: Omit<TimelineSegment, 'x' | 'width'>[] = [];
  dates.forEach((from, i) => {
    const until = dates[i + 1] ?? end;
    const day = stateOnDate(calendar, section, group, from);
    const state: SegmentState = day.open ? 'open' : day.closure ? 'closure' : 'closed';
    const last = out.at(-1);
    if (last && last.state === state && last.closureId === day.closure?.id) {
      last.until = until;
      return;
    }
    out.push({ from, until, state, ...(day.closure ? { closureId: day.closure.id, reason: day.closure.reason } : {}) });
  });
  return out;
}

export function timeline(calendar: Calendar, options: { firstYear: number; today?: string }): Timeline {
  const { firstYear } = options;
  const start = `${firstYear}-08-01`;
  const end = `${firstYear + 1}-08-01`;
  const plot = { left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: 0 };
  const utc = (date: string) => new Date(`${date}T00:00:00Z`);
  const x = scaleUtc().domain([utc(start), utc(end)]).range([plot.left, plot.right]).clamp(true);
  const xOf = (date: string) => r1(x(utc(date)));

  const rows: TimelineRow[] = [];
  for (const section of SECTIONS) {
    // Groups whose year looks the same share a row.
    const bySignature = new Map<string, { groups: Jaargroep[]; segments: Omit<TimelineSegment, 'x' | 'width'>[] }>();
    for (const group of JAARGROEPEN) {
      const segments = segmentsOf(calendar, section, group, start, end);
      const signature = JSON.stringify(segments);
      const entry = bySignature.get(signature) ?? { groups: [], segments };
      entry.groups.push(group);
      bySignature.set(signature, entry);
    }
    for (const { groups, segments } of bySignature.values()) {
      const y = plot.top + rows.length * ROW + 18;
      rows.push({
        section, groups, y, labelY: y - 5,
        segments: segments.map((s) => ({ ...s, x: xOf(s.from), width: r1(xOf(s.until) - xOf(s.from)) })),
      });
    }
  }
  const eventsY = plot.top + rows.length * ROW + 18;
  const events: TimelineEvent[] = calendar.events
    .filter((e) => e.at.slice(0, 10) >= start && e.at.slice(0, 10) < end)
    .map((e) => ({
      id: e.id, kind: e.kind, at: e.at, x: xOf(e.at.slice(0, 10)),
      ...(e.until ? { until: e.until } : {}), ...(e.groups ? { groups: [...e.groups] } : {}),
      ...(e.description ? { description: e.description } : {}),
    }));
  plot.bottom = eventsY + BAR;
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = ((7 + i) % 12) + 1;
    const year = month >= 8 ? firstYear : firstYear + 1;
    const date = `${year}-${String(month).padStart(2, '0')}-01`;
    const next = i === 11 ? end : `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}-01`;
    return { date, x: xOf(date), labelX: r1((xOf(date) + xOf(next)) / 2) };
  });
  const today = options.today && options.today >= start && options.today < end ? { date: options.today, x: xOf(options.today) } : undefined;
  return {
    schoolYear: `${firstYear}-${firstYear + 1}`, start, end, width: WIDTH, height: plot.bottom + MARGIN.bottom, plot,
    rows, events, eventsY, eventsLabelY: eventsY - 5, months, ...(today ? { today } : {}), barHeight: BAR, todayLabelY: plot.bottom + 14,
  };
}
