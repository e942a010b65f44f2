/**
 * Every Handlebars helper the views may use, registered from this one list (as Ghost does).
 * One helper per file, each headed by a usage comment. Adding a helper means adding it here.
 * (`keptPartial` is the view engine's own: it needs the engine's partials; ../kept-partial.ts.)
 */
import type Handlebars from 'handlebars';
import { ceilMinutes } from './ceil-minutes.ts';
import { concat } from './concat.ts';
import { eq } from './eq.ts';
import { errorLinks } from './error-links.ts';
import { formatDate } from './format-date.ts';
import { formatList } from './format-list.ts';
import { formatNumber } from './format-number.ts';
import { humanAge } from './human-age.ts';
import { limit } from './limit.ts';
import { localized } from './localized.ts';
import { sisLabel } from './sis-label.ts';
import { t } from './t.ts';

export const helpers = {
  ceilMinutes,
  concat,
  eq,
  errorLinks,
  formatDate,
  formatList,
  formatNumber,
  humanAge,
  limit,
  localized,
  sisLabel,
  t,
} as const;

export function registerHelpers(hbs: typeof Handlebars): void {
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn as Handlebars.HelperDelegate);
}
