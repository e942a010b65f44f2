import { expect } from 'chai';
import express from 'express';
import request from 'supertest';
import { createI18nMiddleware } from '../../../gateway/i18n/middleware.ts';
import {
  localesFromAcceptLanguage, readCookie, resolveLocale, safeReturnPath,
} from '../../../gateway/i18n/resolve-locale.ts';

describe('i18n: locale resolution', () => {
  it('takes the lang cookie first', () => {
    expect(resolveLocale({ cookie: 'en', acceptLanguage: 'nl', schoolDefault: 'nl' })).to.equal('en');
  });

  it('then the browser\'s Accept-Language, honouring q-values', () => {
    expect(resolveLocale({ acceptLanguage: 'en-GB,en;q=0.9,nl;q=0.8' })).to.equal('en');
    expect(resolveLocale({ acceptLanguage: 'en;q=0.5, nl-BE;q=0.8' })).to.equal('nl');
    expect(resolveLocale({ acceptLanguage: 'de-DE, fr;q=0.9, en;q=0.1' })).to.equal('en');
  });

  it('then the school default, ignoring unsupported cookies and languages', () => {
    expect(resolveLocale({ cookie: 'de', acceptLanguage: 'de, fr', schoolDefault: 'en' })).to.equal('en');
    expect(resolveLocale({})).to.equal('nl');
    expect(localesFromAcceptLanguage('en;q=0, nl')).to.deep.equal(['nl']);
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie('a=1; lang=en; b=2', 'lang')).to.equal('en');
    expect(readCookie('xlang=en', 'lang')).to.equal(undefined);
    expect(readCookie(undefined, 'lang')).to.equal(undefined);
    expect(readCookie('lang=%E0%A4%A', 'lang')).to.equal(undefined);
  });
});

describe('i18n: safeReturnPath (terug)', () => {
  it('keeps a local path with its query', () => {
    expect(safeReturnPath('/kind/abc/absenties')).to.equal('/kind/abc/absenties');
    expect(safeReturnPath('/hulp?x=1')).to.equal('/hulp?x=1');
  });

  it('refuses anything a browser could take to another origin', () => {
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', '\\\\evil', 'evil', '/\t/evil.example',
      '/%0d%0a'.replace('%0d%0a', '\r\n'), '', undefined, ['/'], 42]) {
      expect(safeReturnPath(bad), JSON.stringify(bad)).to.equal('/');
    }
  });
});

describe('i18n: middleware and /taal/:lang', () => {
  function app() {
    const a = express();
    a.use(createI18nMiddleware({ defaultLocale: 'nl' }));
    a.get('/probe', (_req, res) => { res.json(res.locals); });
    return a;
  }

  it('sets locale, lang and the switch links for the current path', async () => {
    const res = await request(app()).get('/probe?a=1').set('Cookie', 'lang=en');
    expect(res.body.locale).to.equal('en');
    expect(res.body.lang).to.equal('en');
    expect(res.body.languageSwitch.nl).to.deep.equal({ href: '/taal/nl?terug=%2Fprobe%3Fa%3D1', current: false });
    expect(res.body.languageSwitch.en.current).to.equal(true);
  });

  it('switching sets the lang cookie and redirects back to a local path', async () => {
    const res = await request(app()).get('/taal/en?terug=%2Fhulp');
    expect(res.status).to.equal(303);
    expect(res.headers.location).to.equal('/hulp');
    expect(res.headers['set-cookie']?.[0]).to.match(/^lang=en; Max-Age=\d+; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/);
  });

  it('an unsafe terug goes home instead', async () => {
    const res = await request(app()).get('/taal/nl?terug=%2F%2Fevil.example');
    expect(res.headers.location).to.equal('/');
  });

  it('an unknown language sets no cookie', async () => {
    const res = await request(app()).get('/taal/de?terug=%2Fhulp');
    expect(res.status).to.equal(303);
    expect(res.headers['set-cookie']).to.equal(undefined);
  });
});
