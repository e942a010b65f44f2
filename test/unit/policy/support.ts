/** Calendars and loggers for the policy and jobs tests. */
import type { AdapterLogger } from '../../../adapters/contract/index.ts';
import type { Calendar } from '../../../gateway/policy/calendar-types.ts';
import { parseCalendar } from '../../../gateway/policy/parse-calendar.ts';

/** A calendar from YAML text; throws with the problems when it is invalid. */
export function calendarFrom(yaml: string): Calendar {
  const result = parseCalendar(yaml, 'test.yaml');
  if (!result.ok) throw new Error(`test calendar invalid: ${JSON.stringify(result.issues)}`);
  return result.calendar;
}

export const DEMO_CALENDAR_FILE = new URL('../../../config/calendar.yaml', import.meta.url).pathname;

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object | string;
  msg?: string;
}

/** A logger that keeps its lines, so tests assert on what was logged. */
export function captureLogger(): AdapterLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (obj: object | string, msg?: string) => {
    lines.push({ level, obj, ...(msg !== undefined ? { msg } : {}) });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
