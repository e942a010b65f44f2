/**
 * The growth chart in words, for everyone who does not see the picture and for everyone who
 * prefers words: how many tests, from when to when, where the score went, the latest level, the
 * moments without a test, and what the bands are. Facts only — the page does not judge a child.
 */
import { t, type Locale } from '../i18n/translate.ts';
import { LEVEL_SCALES, shownLevel, type LevelScaleId } from './level-scales.ts';
import type { LvsSlot } from './lvs-slots.ts';
import { formatDayMonth, formatList, formatScore } from './number-format.ts';

export interface DescriptionInput {
  subject: string;
  slots: readonly LvsSlot[];
  scale: LevelScaleId;
  /** How many slots have bands behind them. */
  slotsWithBands: number;
  locale: Locale;
}

/** "midden, groep 4 (2025-2026)" */
export function momentName(slot: LvsSlot, locale: Locale): string {
  if (!slot.moment) return `${formatDayMonth(slot.date ?? '', locale)} (${slot.schoolYear})`;
  const moment = t(locale, `results.moment.${slot.moment}`);
  return slot.jaargroep === undefined
    ? t(locale, 'results.chart.momentNoGroup', { moment, year: slot.schoolYear })
    : t(locale, 'results.chart.moment', { moment, group: t(locale, 'common.groepN', { n: slot.jaargroep }), year: slot.schoolYear });
}

function levelText(slot: LvsSlot, scale: LevelScaleId, locale: Locale): string | undefined {
  const level = slot.result ? shownLevel(slot.result.referenceScores, scale) : undefined;
  if (!level) return undefined;
  return level.otherScale ? t(locale, 'results.level.otherScale', { level: level.value, scale: level.otherScale }) : level.value;
}

export function chartDescription(input: DescriptionInput): string[] {
  const { subject, slots, scale, locale } = input;
  const scored = slots.filter((s) => s.result?.vaardigheidsscore !== undefined);
  const first = scored[0];
  const last = scored.at(-1);
  if (!first || !last) return [];
  const score = (s: LvsSlot) => formatScore(s.result?.vaardigheidsscore as number, locale);
  const sentences = [
    scored.length === 1
      ? t(locale, 'results.chart.single', { subject, moment: momentName(first, locale), score: score(first) })
      : t(locale, 'results.chart.range', {
        subject, count: scored.length, from: momentName(first, locale), to: momentName(last, locale),
        first: score(first), last: score(last),
      }),
  ];
  const level = levelText(last, scale, locale);
  if (level) sentences.push(t(locale, scored.length === 1 ? 'results.chart.level' : 'results.chart.lastLevel', { level }));
  const from = slots.indexOf(first);
  const to = slots.indexOf(last);
  const empty = slots.slice(from, to + 1).filter((s) => s.result?.vaardigheidsscore === undefined);
  if (empty.length > 0) {
    sentences.push(t(locale, 'results.chart.gaps', { moments: formatList(empty.map((s) => momentName(s, locale)), locale) }));
  }
  const levels = LEVEL_SCALES[scale].levels;
  if (input.slotsWithBands === 0) sentences.push(t(locale, 'results.chart.noBands'));
  else {
    sentences.push(t(locale, 'results.chart.bands', { scale: LEVEL_SCALES[scale].label, best: levels[0] ?? '', lowest: levels.at(-1) ?? '' }));
    if (input.slotsWithBands < slots.length) sentences.push(t(locale, 'results.chart.someBands'));
  }
  return sentences;
}
