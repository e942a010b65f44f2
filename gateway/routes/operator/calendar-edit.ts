/**
 * Changing the calendar (role beheer), always in three steps: the form, a preview of what changes
 * for parents, the save. Every step works from the file as it is (never from the page): the
 * draft is the operator's input applied to the file's text, judged by the file's own validator.
 *
 *   GET  /kalender/regel?lijst=open|closures|events[&id=…]   the form (new rule, or change one)
 *   POST /kalender/regel                  stap=voorbeeld|opslaan|terug, handeling=put|remove
 *   POST /kalender/geschiedenis/terugzetten   versieId, stap=voorbeeld|opslaan: restore a version
 *
 * Hidden fields carry the input and the version of the file the form was opened on (`versie`);
 * a save against another version is refused with both versions shown. Closing a section that is
 * open now, or putting the invitations in the past, needs `bevestig`.
 */
import { Router, type Request, type Response } from 'express';
import { formatLocalDate, impactText, nowText, sectionName, validatorMessage } from '../../calendar-editor/calendar-text.ts';
import type { CalendarEditor, CalendarFileState } from '../../calendar-editor/editor.ts';
import { changesNow, confirmationNeeded, parentImpact } from '../../calendar-editor/parent-impact.ts';
import {
  fieldErrorsOf, inputOfRule, isRuleList, ruleInputOf, ruleOf, type FormErrors, type RuleInput,
} from '../../calendar-editor/rule-form.ts';
import { applyEdit, CalendarEditError, yamlText, type CalendarEdit, type RuleList } from '../../calendar-editor/yaml-edit.ts';
import { lineDiff } from '../../calendar-editor/history.ts';
import { t, type Locale } from '../../i18n/translate.ts';
import { diffCalendars, summarizeDiff } from '../../policy/calendar-diff.ts';
import type { Calendar } from '../../policy/calendar-types.ts';
import { parseCalendar } from '../../policy/parse-calendar.ts';
import { EVENT_KINDS, JAARGROEPEN, SECTIONS } from '../../policy/vocabulary.ts';
import { auditOperator } from './audit.ts';
import { bodyField } from './body-field.ts';
import { localeOf, patchLines, timelineModel } from './calendar-model.ts';
import type { OperatorRouterDeps, OperatorUser } from './deps.ts';
import { requireRole } from './guard.ts';

const CALENDAR = '/beheer/kalender';
const RULE_ACTION = '/beheer/kalender/regel';
const RESTORE_ACTION = '/beheer/kalender/geschiedenis/terugzetten';

type Hidden = Array<{ name: string; value: string }>;

function hiddenOf(list: RuleList, origId: string, version: string, handeling: string, input: RuleInput): Hidden {
  const hidden: Hidden = [
    { name: 'lijst', value: list }, { name: 'origId', value: origId }, { name: 'versie', value: version }, { name: 'handeling', value: handeling },
  ];
  for (const [name, value] of Object.entries(input)) {
    if (Array.isArray(value)) for (const v of value) hidden.push({ name, value: v });
    else if (value) hidden.push({ name, value });
  }
  return hidden;
}

function formModel(list: RuleList, input: RuleInput, locale: Locale) {
  return {
    list,
    isOpen: list === 'open', isClosure: list === 'closures', isEvent: list === 'events',
    sections: SECTIONS.map((s) => ({ value: s, label: sectionName(s, locale), checked: input.sections.includes(s) })),
    groups: JAARGROEPEN.map((g) => ({ value: String(g), label: t(locale, 'calendar.form.groupN', { n: g }), checked: input.groups.includes(String(g)) })),
    kinds: EVENT_KINDS.map((k) => ({ value: k, label: t(locale, `calendar.kind.${k}`), selected: input.kind === k })),
  };
}

export function createCalendarEditRouter(deps: OperatorRouterDeps & { calendarEditor: CalendarEditor }): Router {
  const router = Router();
  const editor = deps.calendarEditor;
  const operatorOf = (res: Response) => res.locals.operator as OperatorUser;

  function renderForm(res: Response, status: number, model: {
    list: RuleList; origId: string; version: string; input: RuleInput; errors?: FormErrors;
  }) {
    const locale = localeOf(res);
    res.status(status).render('pages/operator/calendar-rule', {
      layout: 'operator', titleKey: `calendar.form.title.${model.list}`, nav: 'calendar', operator: operatorOf(res),
      ...model, ...formModel(model.list, model.input, locale),
      heading: model.origId ? t(locale, 'calendar.form.editHeading', { id: model.origId }) : t(locale, `calendar.form.newHeading.${model.list}`),
      untilLabel: model.list === 'events' ? '' : `calendar.form.until.${model.list}`,
      ...(model.errors && (model.errors.form.length > 0 || Object.keys(model.errors.fields).length > 0) ? { hasErrors: true } : {}),
    });
  }

  function renderConflict(res: Response, current: CalendarFileState, yours: string, theirs: string, again: { action: string; hidden: Hidden }) {
    res.status(409).render('pages/operator/calendar-conflict', {
      layout: 'operator', titleKey: 'calendar.conflict.title', nav: 'calendar', operator: operatorOf(res),
      yours, theirs, fileText: current.text, again: { ...again, hidden: again.hidden.map((h) => (h.name === 'versie' ? { ...h, value: current.version } : h)) },
    });
  }

  /** The preview page, or (stap=opslaan) the save; shared by rule edits and restores. */
  async function previewOrSave(req: Request, res: Response, draft: {
    current: CalendarFileState; before: Calendar; text: string; after: Calendar; hidden: Hidden; action: string;
    save: boolean; restoredFrom?: string; back?: boolean;
  }) {
    const locale = localeOf(res);
    const now = deps.clock.now();
    const confirm = confirmationNeeded(draft.before, draft.after, now);
    const confirmed = bodyField(req.body, 'bevestig', 10) === 'ja';
    if (draft.save && (!confirm || confirmed)) {
      const version = bodyField(req.body, 'versie', 64);
      const outcome = await editor.save({
        text: draft.text, expectedVersion: version, actor: operatorOf(res).username, requestId: res.locals.requestId,
        ...(draft.restoredFrom ? { restoredFrom: draft.restoredFrom } : {}),
      });
      if (outcome.ok) return res.redirect(303, `${CALENDAR}?melding=${draft.restoredFrom ? 'restored' : 'saved'}`);
      if (outcome.reason === 'conflict') {
        return renderConflict(res, outcome.current, lineDiff(draft.current.text, draft.text), lineDiff(draft.current.text, outcome.current.text), {
          action: draft.action, hidden: [...draft.hidden.filter((h) => h.name !== 'stap'), { name: 'stap', value: draft.action === RULE_ACTION ? 'terug' : 'voorbeeld' }],
        });
      }
    }
    const impact = impactText(parentImpact(draft.before, draft.after), locale);
    res.status(draft.save ? 422 : 200).render('pages/operator/calendar-preview', {
      layout: 'operator', titleKey: 'calendar.preview.title', nav: 'calendar', operator: operatorOf(res),
      summary: summarizeDiff(diffCalendars(draft.before, draft.after)),
      impact, now: nowText(changesNow(draft.before, draft.after, now), locale),
      ...(confirm ? {
        confirm: {
          closesOpen: confirm.closesOpenSection.length > 0,
          invitations: confirm.invitationsIntoPast.map((e) => ({ id: e.id, date: formatLocalDate(e.at, locale) })),
          ...(draft.save ? { error: t(locale, 'calendar.preview.confirmRequired') } : {}),
        },
      } : {}),
      timeline: timelineModel(draft.after, now, locale),
      patch: patchLines(lineDiff(draft.current.text, draft.text)),
      action: draft.action, hidden: draft.hidden,
      // Back to the form: only for a rule that has one (not for a removal or a restore).
      isRule: draft.action === RULE_ACTION && draft.hidden.some((h) => h.name === 'handeling' && h.value === 'put'),
    });
  }

  router.get('/kalender/regel', requireRole('beheer'), async (req, res) => {
    const list = req.query.lijst;
    const id = typeof req.query.id === 'string' ? req.query.id : undefined;
    if (!isRuleList(list)) return void res.status(404).render('errors/404', { layout: 'operator' });
    const file = await editor.read();
    if (!file.parse.ok) return res.redirect(303, CALENDAR);
    const input = inputOfRule(file.parse.calendar, list, id);
    if (!input) return res.redirect(303, `${CALENDAR}?melding=gone`);
    renderForm(res, 200, { list, origId: id ?? '', version: file.version, input });
  });

  router.post('/kalender/regel', requireRole('beheer'), async (req, res) => {
    const list = bodyField(req.body, 'lijst', 20);
    if (!isRuleList(list)) return void res.status(404).render('errors/404', { layout: 'operator' });
    const origId = bodyField(req.body, 'origId', 64);
    const version = bodyField(req.body, 'versie', 64);
    const handeling = bodyField(req.body, 'handeling', 10) === 'remove' ? 'remove' : 'put';
    const stap = bodyField(req.body, 'stap', 20);
    const input = ruleInputOf(req.body);
    const current = await editor.read();
    if (stap === 'terug') return renderForm(res, 200, { list, origId, version, input });
    if (!current.parse.ok) return res.redirect(303, CALENDAR);
    const before = current.parse.calendar;
    const hidden = hiddenOf(list, origId, version, handeling, input);

    const rule = ruleOf(list, input);
    if (current.version !== version) {
      if (stap === 'opslaan') {
        await auditOperator(deps.store, deps.clock, {
          actor: operatorOf(res).username, action: 'calendar.save', requestId: res.locals.requestId, detail: { outcome: 'conflict' },
        });
      }
      const theirsRule = (before[list] as Array<{ id: string }>).find((r) => r.id === origId);
      return renderConflict(res, current, handeling === 'remove' ? '' : yamlText(rule), theirsRule ? yamlText(theirsRule) : '', {
        action: RULE_ACTION, hidden: [...hidden, { name: 'stap', value: 'terug' }],
      });
    }
    const edit: CalendarEdit = handeling === 'remove'
      ? { kind: 'remove', list, id: origId }
      : { kind: 'put', list, ...(origId ? { id: origId } : {}), rule };
    let text: string;
    try {
      text = applyEdit(current.text, edit);
    } catch (err) {
      if (err instanceof CalendarEditError && err.code === 'NOT_FOUND') return res.redirect(303, `${CALENDAR}?melding=gone`);
      throw err;
    }
    const parsed = parseCalendar(text, editor.file);
    if (!parsed.ok) {
      const rules = before[list] as Array<{ id: string }>;
      const index = origId ? rules.findIndex((r) => r.id === origId) : rules.length;
      const locale = localeOf(res);
      const errors = fieldErrorsOf(parsed.issues, list, index, (issue) => validatorMessage(issue, locale));
      return renderForm(res, 422, { list, origId, version, input, errors });
    }
    await previewOrSave(req, res, {
      current, before, text, after: parsed.calendar, hidden, action: RULE_ACTION, save: stap === 'opslaan',
    });
  });

  router.post('/kalender/geschiedenis/terugzetten', requireRole('beheer'), async (req, res) => {
    const versionId = bodyField(req.body, 'versieId', 64);
    const version = bodyField(req.body, 'versie', 64);
    const stored = versionId ? await editor.history.get(versionId) : undefined;
    if (!stored) return void res.status(404).render('errors/404', { layout: 'operator' });
    const current = await editor.read();
    const hidden: Hidden = [{ name: 'versieId', value: stored.id }, { name: 'versie', value: version }];
    if (current.version !== version) {
      if (bodyField(req.body, 'stap', 20) === 'opslaan') {
        await auditOperator(deps.store, deps.clock, {
          actor: operatorOf(res).username, action: 'calendar.restore', requestId: res.locals.requestId, detail: { outcome: 'conflict' },
        });
      }
      return renderConflict(res, current, lineDiff(current.text, stored.text), '', { action: RESTORE_ACTION, hidden: [...hidden, { name: 'stap', value: 'voorbeeld' }] });
    }
    const after = parseCalendar(stored.text, editor.file);
    if (!after.ok) return void res.status(404).render('errors/404', { layout: 'operator' });
    // An invalid file in force: the restore compares with the calendar the portal still serves.
    const before = current.parse.ok ? current.parse.calendar : (deps.calendar?.current() as Calendar);
    await previewOrSave(req, res, {
      current, before, text: stored.text, after: after.calendar, hidden, action: RESTORE_ACTION,
      save: bodyField(req.body, 'stap', 20) === 'opslaan', restoredFrom: stored.id,
    });
  });

  return router;
}
