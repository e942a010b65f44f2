/**
 * The school's look (issue 22, conventions): name, logo and one accent colour from config, the
 * colour's contrast checked at boot against WCAG AA and refused with a message naming the key.
 */
import { expect } from 'chai';
import request from 'supertest';
import { isConfigError, loadConfig } from '../../gateway/config/index.ts';
import { contrastRatio } from '../../gateway/school/contrast.ts';
import { createSchoolLookRouter, schoolLook } from '../../gateway/school/look.ts';
import express from 'express';
import { createTestApp } from '../support/app.ts';

function refusal(values: Record<string, unknown>): string {
  try {
    loadConfig({ file: 'config/demo.yaml', env: {}, values });
  } catch (err) {
    expect(isConfigError(err)).to.equal(true);
    return (err as Error).message;
  }
  return expect.fail('the config was accepted');
}

describe('the school\'s look', function () {
  this.timeout(20_000);

  it('serves the accent colour as /school.css, linked from every page, and the logo before the name', async () => {
    const t = await createTestApp();
    const login = await request(t.app).get('/inloggen');
    expect(login.text).to.include('<link rel="stylesheet" href="/school.css">');
    expect(login.text).to.match(/<p class="site-name"><img class="school-logo" src="\/school\/logo" alt="" width="32" height="32">De Bron<\/p>/);
    const css = await request(t.app).get('/school.css');
    expect(css.status).to.equal(200);
    expect(css.headers['content-type']).to.match(/^text\/css/);
    expect(css.text).to.include('--brand: #00665e;');
    const logo = await request(t.app).get('/school/logo');
    expect(logo.status).to.equal(200);
    expect(logo.headers['content-type']).to.match(/^image\/svg\+xml/);
    // A browser that kept them revalidates with their tag and gets a 304 without the bytes.
    for (const [path, res] of [['/school.css', css], ['/school/logo', logo]] as const) {
      expect(res.headers.etag, path).to.match(/^W\/"[0-9a-f]+-[\w+/]{27}"$/);
      const again = await request(t.app).get(path).set('If-None-Match', res.headers.etag as string);
      expect(again.status, path).to.equal(304);
    }
  });

  it('without them, links neither the stylesheet nor a logo', async () => {
    expect(schoolLook({})).to.deep.equal({});
    const t = await createTestApp();
    t.app.locals.schoolLook = { stylesheet: false, logo: false };
    const login = await request(t.app).get('/inloggen');
    expect(login.text).not.to.include('/school.css');
    expect(login.text).not.to.include('school-logo');
    const bare = express().use(createSchoolLookRouter(schoolLook({})));
    expect((await request(bare).get('/school.css')).status).to.equal(404);
  });

  it('refuses an accent colour below 4.5:1 against white, naming the key and the ratio', () => {
    expect(contrastRatio('#ffcc00', '#ffffff')).to.be.below(4.5);
    const message = refusal({ school: { accentColor: '#ffcc00' } });
    expect(message).to.include('school.accentColor').and.include('contrast with white is 1.').and.include('4.5:1');
    expect(refusal({ school: { accentColor: 'blue' } })).to.include('school.accentColor').and.include('#0b4f8a');
    // Just above and just below the line.
    expect(contrastRatio('#767676', '#ffffff')).to.be.at.least(4.5);
    expect(() => loadConfig({ file: 'config/demo.yaml', env: {}, values: { school: { accentColor: '#767676' } } })).not.to.throw();
    expect(refusal({ school: { accentColor: '#777777' } })).to.include('school.accentColor');
  });

  it('refuses a logo that is not there or not an image, naming the key', () => {
    expect(refusal({ school: { logo: 'config/geen-logo.png' } })).to.include('school.logo').and.include('no such file');
    expect(refusal({ school: { logo: 'config/demo.yaml' } })).to.include('school.logo').and.include('.png, .svg');
  });
});
