/**
 * One subject's LVS results as a growth chart with its words: the slots on the time axis, the
 * school's level bands behind them, the geometry (growth-chart.ts) and the description.
 */
import type { TestResult } from '../../adapters/contract/index.ts';
import { t, type Locale } from '../i18n/translate.ts';
import { chartDescription } from './chart-description.ts';
import { growthChart, type ChartSlotInput, type GrowthChart } from './growth-chart.ts';
import { bandsFor, type LevelBands } from './level-bands.ts';
import { LEVEL_SCALES, type LevelScaleId } from './level-scales.ts';
import { lvsSlots, type LvsSlot } from './lvs-slots.ts';
import { formatDayMonth, formatScore } from './number-format.ts';

export interface LvsChartView extends GrowthChart {
  /** Names the picture (the SVG's <title>). */
  title: string;
  /** The chart in words, one sentence each. */
  description: string[];
  /** How to read the axis. */
  legend: string[];
}

export interface LvsChartOptions {
  subject: string;
  scale: LevelScaleId;
  bands: LevelBands;
  locale: Locale;
}

function slotLabel(slot: LvsSlot, locale: Locale): string {
  if (!slot.moment) return formatDayMonth(slot.date ?? '', locale);
  return `${slot.moment}${slot.jaargroep ?? ''}`;
}

/** The chart of one subject's LVS results, or undefined when none has a vaardigheidsscore. */
export function lvsChart(results: TestResult[], options: LvsChartOptions): LvsChartView | undefined {
  const { scale, locale } = options;
  const withScore = results.filter((r) => r.vaardigheidsscore !== undefined);
  if (withScore.length === 0) return undefined;
  const slots = lvsSlots(withScore);
  const inputs: ChartSlotInput[] = slots.map((slot) => {
    const bands = bandsFor(options.bands, {
      family: slot.result?.method ?? withScore.find((r) => r.method)?.method,
      subject: withScore[0]?.subject ?? '',
      moment: slot.moment,
      jaargroep: slot.jaargroep,
    }, scale);
    const score = slot.result?.vaardigheidsscore;
    return {
      key: slot.key,
      label: slotLabel(slot, locale),
      year: slot.schoolYear,
      ...(bands ? { bands } : {}),
      ...(score !== undefined ? { score, scoreLabel: formatScore(score, locale) } : {}),
    };
  });
  const chart = growthChart({ slots: inputs, levels: LEVEL_SCALES[scale].levels });
  const slotsWithBands = inputs.filter((s) => s.bands).length;
  return {
    ...chart,
    title: t(locale, 'results.chart.title', { subject: options.subject }),
    description: chartDescription({ subject: options.subject, slots, scale, slotsWithBands, locale }),
    legend: [
      t(locale, 'results.chart.legend'),
      ...(chart.gapLine ? [t(locale, 'results.chart.legendGap')] : []),
    ],
  };
}
