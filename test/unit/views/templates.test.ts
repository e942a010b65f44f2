import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const viewsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../views');

function templates(): Array<[string, string]> {
  return readdirSync(viewsDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.hbs'))
    .map((e) => {
      const file = path.join(e.parentPath, e.name);
      return [path.relative(viewsDir, file), readFileSync(file, 'utf8')] as [string, string];
    });
}

describe('views: template hygiene', () => {
  it('has every page, error page and layout the app renders', () => {
    const names = templates().map(([name]) => name);
    for (const required of [
      'layouts/main.hbs', 'layouts/public.hbs',
      'pages/dashboard.hbs', 'pages/child.hbs', 'pages/absences.hbs', 'pages/results.hbs', 'pages/help.hbs',
      'pages/account.hbs', 'pages/closed.hbs', 'pages/login.hbs', 'pages/first-login.hbs',
      'errors/403.hbs', 'errors/404.hbs', 'errors/500.hbs', 'errors/503.hbs',
    ]) expect(names).to.include(required);
  });

  it('never uses a triple-stache: everything is escaped', () => {
    for (const [name, source] of templates()) expect(source, name).not.to.include('{{{');
  });

  it('has no inline styles or scripts (CSP: style-src and script-src self)', () => {
    for (const [name, source] of templates()) {
      // Helper arguments such as {{formatDate d style="short"}} are not HTML attributes.
      const html = source.replace(/\{\{[\s\S]*?\}\}/g, '');
      expect(html, name).not.to.match(/<script|<style|\sstyle=|\son[a-z]+=|javascript:/i);
    }
  });

  it('loads no external resources', () => {
    for (const [name, source] of templates()) expect(source, name).not.to.match(/(src|href)="(https?:)?\/\//i);
  });

  it('renders the CSRF token in every POST form, and never in a GET form', () => {
    for (const [name, source] of templates()) {
      const forms = source.match(/<form[\s\S]*?<\/form>/g) ?? [];
      for (const form of forms) {
        // A GET form (the calendar's "what does groep N see") asks nothing personal; its
        // fields end up in the URL, so it must never carry the token.
        if (/^<form method="get"/.test(form)) {
          expect(form, name).not.to.include('_csrf');
          continue;
        }
        expect(form, name).to.match(/method="post"/);
        // Inside an {{#each}} the page's token is reached as @root.csrfToken.
        expect(form, name).to.match(/<input type="hidden" name="_csrf" value="\{\{(@root\.)?csrfToken\}\}">/);
      }
    }
  });

  it('every error page shows the request id and no error details', () => {
    for (const code of ['403', '404', '500', '503']) {
      const source = readFileSync(path.join(viewsDir, 'errors', `${code}.hbs`), 'utf8');
      expect(source).to.include('requestId');
      expect(source).not.to.match(/stack|message/);
    }
  });

  it('layouts set the language and offer a skip link to the main landmark', () => {
    for (const layout of ['main', 'public']) {
      const source = readFileSync(path.join(viewsDir, 'layouts', `${layout}.hbs`), 'utf8');
      expect(source).to.match(/<html lang="/);
      expect(source).to.include('href="#main"');
      expect(source).to.include('<main id="main"');
    }
  });

  it('never echoes a password into a form', () => {
    for (const [name, source] of templates()) {
      for (const field of source.match(/\{\{> form-field[^}]*type="password"[^}]*\}\}/g) ?? []) {
        expect(field, name).not.to.match(/\bvalue=/);
      }
    }
  });
});
