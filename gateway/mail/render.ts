/**
 * Mail templates: `views/mail/<name>.text.hbs` (plain text, not HTML-escaped) and
 * `views/mail/<name>.html.hbs` (inside `views/mail/layout.html.hbs`), in the recipient's language
 * through the same `{{t}}` catalogs as the pages; the subject is the i18n key `mail.<name>.subject`
 * (the name camel-cased: password-reset → mail.passwordReset.subject).
 *
 *   const mail = renderer.render('invitation', 'nl', { username, code, ... });
 *   // → { subject, text, html }
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { t, type Locale, type MessageVars } from '../i18n/translate.ts';
import { registerHelpers } from '../views/helpers/index.ts';

export const MAIL_VIEWS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../views/mail');

const camelCase = (name: string) => name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailRenderer {
  /** `model` is the templates' root context; `subjectVars` fill the subject's placeholders. */
  render(name: string, locale: Locale, model: Record<string, unknown>, subjectVars?: MessageVars): RenderedMail;
}

export function createMailRenderer(viewsDir: string = MAIL_VIEWS_DIR): MailRenderer {
  const html = Handlebars.create();
  const text = Handlebars.create();
  registerHelpers(html);
  registerHelpers(text);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();

  function template(file: string, asText: boolean): Handlebars.TemplateDelegate {
    const cacheKey = `${asText ? 'text' : 'html'}:${file}`;
    let entry = compiled.get(cacheKey);
    if (!entry) {
      const source = readFileSync(path.join(viewsDir, file), 'utf8');
      entry = asText ? text.compile(source, { noEscape: true }) : html.compile(source);
      compiled.set(cacheKey, entry);
    }
    return entry;
  }

  return {
    render(name, locale, model, subjectVars = {}) {
      const context = { ...model, locale, lang: locale };
      const subject = t(locale, `mail.${camelCase(name)}.subject`, subjectVars);
      const body = template(`${name}.html.hbs`, false)(context);
      return {
        subject,
        // Template indentation and blank-line runs are for the template's reader, not the mail's.
        text: template(`${name}.text.hbs`, true)(context).replace(/\n{3,}/g, '\n\n').trim() + '\n',
        html: template('layout.html.hbs', false)({ ...context, subject, body: new html.SafeString(body) }),
      };
    },
  };
}
