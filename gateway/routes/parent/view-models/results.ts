/**
 * The results page: method tests of this school year by subject as a short trend (newest first,
 * every earlier test still listed), LVS results per subject as a growth chart with the same data
 * in a table, the doorstroomtoets, and the jargon marked with the school's glossary. Only kinds
 * whose section is open are passed in; the rest never reach a template.
 */
import type { ReferenceScore, TestResult } from '../../../../adapters/contract/index.ts';
import { deepFreeze } from '../../../config/tree.ts';
import type { Locale } from '../../../i18n/translate.ts';
import { fingerprint } from '../../../results/fingerprint.ts';
import { lookupTerm, type GlossaryEntryView } from '../../../results/glossary.ts';
import { PAGE_TERMS, REFERENCE_TERMS, SCALE_TERMS } from '../../../results/glossary-terms.ts';
import { LEVEL_SCALES, shownLevel, type ShownLevel } from '../../../results/level-scales.ts';
import { LruMemo } from '../../../results/lru-memo.ts';
import { lvsChart, type LvsChartView } from '../../../results/lvs-chart.ts';
import { sparkline, type Sparkline } from '../../../results/method-trend.ts';
import type { ResultsStory } from '../../../results/story.ts';

export interface MethodTestRow {
  date: string;
  testName: string;
  method?: string;
  score?: number | string;
  jaargroep: number;
}

export interface MethodSubjectView {
  subject: string;
  /** The teaching methods of these tests, newest first ("Pluspunt"). */
  methods: string[];
  latest: MethodTestRow;
  trend?: Sparkline;
  /** Newest first, the latest included. */
  rows: MethodTestRow[];
}

export interface ReferenceView {
  /** Catalog key of a known code; unknown codes show as `code`. */
  labelKey?: string;
  code: string;
  value: string;
  /** The glossary entry explaining the code, when the school's glossary has one. */
  term?: GlossaryEntryView;
}

export interface LvsRow {
  date: string;
  schoolYear: string;
  momentKey?: string;
  jaargroep: number;
  testName: string;
  /** The vaardigheidsscore, or the raw score when there is none. */
  score?: number | string;
  level?: ShownLevel;
  otherScores: ReferenceView[];
}

export interface LvsSubjectView {
  subject: string;
  /** The test family ("Cito LiB"). */
  family?: string;
  chart?: LvsChartView;
  /** Oldest first, as the chart reads left to right. */
  rows: LvsRow[];
}

export interface DoorstroomRow {
  subject: string;
  /** The referentieniveau reached ("2F"), or the score (the test's advice). */
  value?: string;
  reference: boolean;
}

export interface ResultsTerms {
  methodetoets?: GlossaryEntryView;
  lvsToets?: GlossaryEntryView;
  vaardigheidsscore?: GlossaryEntryView;
  toetsmoment?: GlossaryEntryView;
  level?: GlossaryEntryView;
  doorstroomtoets?: GlossaryEntryView;
  referentieniveau?: GlossaryEntryView;
}

export interface ResultsView {
  method?: { schoolYear: string; subjects: MethodSubjectView[] };
  lvs?: { subjects: LvsSubjectView[]; scaleLabel: string };
  doorstroom?: { rows: DoorstroomRow[] };
  terms: ResultsTerms;
}

export interface ResultsShow {
  method: boolean;
  lvs: boolean;
  schoolYear: string;
  locale: Locale;
  story: ResultsStory;
}

/** Reference score codes the pages name; see ReferenceScore in the adapter contract. */
export const KNOWN_REFERENCE_CODES = ['DLE', 'FN', 'PERCENTIEL', 'REF', 'AVI'] as const;

function subjectLabel(subject: string): string {
  const s = subject.trim();
  return s.charAt(0).toLocaleUpperCase('nl') + s.slice(1);
}

function bySubject(results: TestResult[]): Array<{ subject: string; results: TestResult[] }> {
  const groups = new Map<string, TestResult[]>();
  for (const result of results) {
    const subject = subjectLabel(result.subject);
    groups.set(subject, [...(groups.get(subject) ?? []), result]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'nl'))
    .map(([subject, rs]) => ({ subject, results: rs }));
}

const byDate = (a: TestResult, b: TestResult) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);
const unique = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => Boolean(v)))];

function methodRow(r: TestResult): MethodTestRow {
  return {
    date: r.date,
    testName: r.testName,
    // "Pluspunt blok 3 (Pluspunt)" says it twice; name the method only when the test name does not.
    method: r.method && !r.testName.toLowerCase().includes(r.method.toLowerCase()) ? r.method : undefined,
    score: r.score,
    jaargroep: r.jaargroep,
  };
}

function methodSubjects(results: TestResult[], schoolYear: string): MethodSubjectView[] {
  const method = results.filter((r) => r.kind === 'method' && r.schoolYear === schoolYear).sort((a, b) => byDate(b, a));
  return bySubject(method).map(({ subject, results: rs }) => {
    const rows = rs.map(methodRow);
    const trend = sparkline(rows.map((r) => r.score));
    return { subject, methods: unique(rs.map((r) => r.method)), latest: rows[0] as MethodTestRow, ...(trend ? { trend } : {}), rows };
  });
}

function referenceView(ref: ReferenceScore, show: ResultsShow): ReferenceView {
  const code = ref.code.toUpperCase();
  const known = (KNOWN_REFERENCE_CODES as readonly string[]).includes(code);
  const termId = REFERENCE_TERMS[code];
  const term = termId ? lookupTerm(show.story.glossary, termId, show.locale) : undefined;
  return { labelKey: known ? `results.ref.${code}` : undefined, code: ref.code, value: ref.value, ...(term ? { term } : {}) };
}

function lvsRow(r: TestResult, show: ResultsShow): LvsRow {
  const level = shownLevel(r.referenceScores, show.story.levelScale);
  return {
    date: r.date,
    schoolYear: r.schoolYear,
    momentKey: r.moment ? `results.moment.${r.moment}` : undefined,
    jaargroep: r.jaargroep,
    testName: r.testName,
    score: r.vaardigheidsscore ?? r.score,
    ...(level ? { level } : {}),
    otherScores: r.referenceScores
      .filter((s) => !['AE', 'IV'].includes(s.code.trim().toUpperCase()))
      .map((s) => referenceView(s, show)),
  };
}

/** One view per subject and test family: two families' scores are not on one scale, so never on one line. */
function lvsSubjects(results: TestResult[], show: ResultsShow): LvsSubjectView[] {
  const lvs = results.filter((r) => r.kind === 'lvs').sort(byDate);
  return bySubject(lvs).flatMap(({ subject, results: rs }) => {
    const families = unique(rs.map((r) => r.method));
    const groups = families.length > 1 ? families.map((f) => rs.filter((r) => r.method === f)) : [rs];
    return groups.map((group) => {
      const family = families.length > 1 ? group[0]?.method : families[0];
      const name = families.length > 1 ? `${subject} (${family})` : subject;
      const chart = lvsChart(group, { subject: name, scale: show.story.levelScale, bands: show.story.bands, locale: show.locale });
      return { subject: name, ...(family ? { family } : {}), ...(chart ? { chart } : {}), rows: group.map((r) => lvsRow(r, show)) };
    });
  });
}

function doorstroomRows(results: TestResult[]): DoorstroomRow[] {
  return results.filter((r) => r.kind === 'doorstroom').sort(byDate).map((r) => {
    const ref = r.referenceScores.find((s) => s.code.trim().toUpperCase() === 'REF')?.value;
    const score = r.score === undefined ? undefined : String(r.score);
    return { subject: subjectLabel(r.subject), value: ref ?? score, reference: ref !== undefined };
  });
}

function terms(show: ResultsShow): ResultsTerms {
  const find = (id: string) => lookupTerm(show.story.glossary, id, show.locale);
  return {
    methodetoets: find(PAGE_TERMS.methodetoets),
    lvsToets: find(PAGE_TERMS.lvsToets),
    vaardigheidsscore: find(PAGE_TERMS.vaardigheidsscore),
    toetsmoment: find(PAGE_TERMS.toetsmoment),
    level: find(SCALE_TERMS[show.story.levelScale]),
    doorstroomtoets: find(PAGE_TERMS.doorstroomtoets),
    referentieniveau: find(PAGE_TERMS.referentieniveau),
  };
}

export function resultsView(results: TestResult[], show: ResultsShow): ResultsView {
  const view: ResultsView = { terms: terms(show) };
  if (show.method) view.method = { schoolYear: show.schoolYear, subjects: methodSubjects(results, show.schoolYear) };
  if (show.lvs) {
    view.lvs = { subjects: lvsSubjects(results, show), scaleLabel: LEVEL_SCALES[show.story.levelScale].label };
    const doorstroom = doorstroomRows(results);
    if (doorstroom.length > 0) view.doorstroom = { rows: doorstroom };
  }
  return view;
}

/** resultsView, remembered: the same arguments give the same (frozen, shared) view. */
export interface ResultsViews {
  view(results: TestResult[], show: ResultsShow): ResultsView;
  readonly size: number;
}

/**
 * The view is a pure function of its arguments and costs more than the rest of the page (charts
 * drawn with d3, their descriptions, the trends), so it is kept per: the records' content (their
 * fingerprint, so a refreshed record builds anew and no view is shared between different data),
 * the kinds shown, the school year, the locale and the school's story. At most `max` views.
 */
export function createResultsViews(max = 500): ResultsViews {
  const memo = new LruMemo<ResultsView>(max);
  const stories = new WeakMap<ResultsStory, number>();
  let nextStoryId = 0;
  const storyId = (story: ResultsStory): number => {
    let id = stories.get(story);
    if (id === undefined) {
      id = nextStoryId++;
      stories.set(story, id);
    }
    return id;
  };
  return {
    view(results, show) {
      const key = [fingerprint(results), show.method, show.lvs, show.schoolYear, show.locale, storyId(show.story)].join('|');
      return memo.getOrBuild(key, () => deepFreeze(resultsView(results, show)) as ResultsView);
    },
    get size() {
      return memo.size;
    },
  };
}
