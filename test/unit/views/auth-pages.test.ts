import { expect } from 'chai';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createViewEngine } from '../../../gateway/views/engine.ts';

const viewsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../views');
const engine = createViewEngine({ viewsDir, cache: true });

function render(view: string, model: object): Promise<string> {
  return new Promise((resolve, reject) => {
    engine(path.join(viewsDir, `${view}.hbs`), { locale: 'nl', lang: 'nl', csrfToken: 'tok-123', ...model }, (err, html) => (err ? reject(err) : resolve(html!)));
  });
}

const inputOf = (html: string, name: string) => html.match(new RegExp(`<input id="field-${name}"[^>]*>`))?.[0] ?? '';

describe('views: login, first-login and account forms', () => {
  it('login: posts to /inloggen with the token, keeps the username, never the password', async () => {
    const html = await render('pages/login', { layout: 'public', username: 'ouder<1>', error: 'login.invalid' });
    expect(html).to.include('<form method="post" action="/inloggen">');
    expect(html).to.include('<input type="hidden" name="_csrf" value="tok-123">');
    expect(inputOf(html, 'username')).to.include('value="ouder&lt;1&gt;"');
    expect(inputOf(html, 'password')).to.match(/type="password" autocomplete="current-password" required aria-describedby="hint-password">$/);
    expect(html).to.include('Deze combinatie van gebruikersnaam en wachtwoord klopt niet.');
    expect(html).to.include('role="alert"');
  });

  it('login: tells a throttled parent how many whole minutes to wait', async () => {
    const html = await render('pages/login', { layout: 'public', error: 'login.throttled', retryAfterSec: 125 });
    expect(html).to.include('Probeer het over 3 minuten opnieuw.');
  });

  it('first login: explains the rules, shows errors next to their field and keeps the chosen username', async () => {
    const html = await render('pages/first-login', {
      layout: 'public',
      username: 'j.jansen',
      values: { username: 'nieuwe-naam' },
      errors: { newPassword: ['password.too_short'], confirmPassword: ['password.confirm_mismatch'], username: ['username.taken'] },
    });
    expect(html).to.include('<form method="post" action="/eerste-keer">');
    expect(html).to.include('<input type="hidden" name="_csrf" value="tok-123">');
    expect(html).to.include('U bent ingelogd als j.jansen');
    expect(html).to.include('is minstens 15 tekens lang');
    expect(html).to.include('Kies een wachtwoord van minstens 15 tekens. Een zin van een paar woorden werkt goed.');
    expect(inputOf(html, 'newPassword')).to.include('aria-invalid="true"');
    expect(inputOf(html, 'newPassword')).to.include('aria-describedby="hint-newPassword error-newPassword"');
    expect(inputOf(html, 'newPassword')).not.to.include('value=');
    expect(inputOf(html, 'confirmPassword')).not.to.include('value=');
    expect(inputOf(html, 'username')).to.include('value="nieuwe-naam"');
    const errorList = html.match(/<ul class="error-list" id="error-username">[\s\S]*?<\/ul>/)![0];
    expect(errorList).to.include('Deze gebruikersnaam is al in gebruik.');
    expect(html).to.include('class="error-summary" role="alert"');
  });

  it('first login without errors shows no error summary or invalid fields', async () => {
    const html = await render('pages/first-login', { layout: 'public', username: 'j.jansen', values: { username: '' } });
    expect(html).not.to.include('error-summary');
    expect(html).not.to.include('aria-invalid');
    expect(inputOf(html, 'username')).not.to.include('value=');
  });

  it('account: shows the messages at the fields they belong to, in English too', async () => {
    const html = await render('pages/account', {
      locale: 'en', lang: 'en', nav: 'account',
      account: { username: 'ouder', limited: false },
      errors: { currentPassword: ['password.wrong_current'], newPassword: ['password.too_long'] },
    });
    expect(html).to.include('<html lang="en">');
    expect(html).to.match(/id="error-currentPassword">[\s\S]*Your current password is not correct\./);
    expect(html).to.match(/id="error-newPassword">[\s\S]*A password may be at most 128 characters long\./);
    expect(html).to.include('<a href="/account" aria-current="page">Account</a>');
  });

  it('error pages show the request id in either layout', async () => {
    for (const layout of ['main', 'public']) {
      const html = await render('errors/500', { layout, requestId: 'abc-123' });
      expect(html).to.include('Foutcode voor de school: abc-123');
    }
  });
});
