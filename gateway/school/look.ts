/**
 * The school's look: its name (school.name), a logo (school.logo, a file) and one accent colour
 * (school.accentColor). The colour is the header's background behind white text and the colour of
 * links on white, so it must reach WCAG AA (4.5:1) against white; a lower one is refused at boot,
 * naming the key. With a strict CSP (style-src 'self') the colour reaches the pages as a small
 * stylesheet, /school.css, and the logo as /school/logo.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import { z } from 'zod';
import { contrastRatio, darken, parseHex } from './contrast.ts';
import { weakEtag } from '../http/etag.ts';

/** WCAG 2.1 AA for normal text (1.4.3). */
export const MIN_CONTRAST = 4.5;

const LOGO_TYPES: Record<string, string> = { '.png': 'image/png', '.svg': 'image/svg+xml', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' };

export const accentColor = z.string().trim()
  .refine((v) => parseHex(v) !== undefined, { error: 'expected a colour like "#0b4f8a"' })
  .refine((v) => parseHex(v) === undefined || contrastRatio(v, '#ffffff') >= MIN_CONTRAST, {
    error: (issue) => `contrast with white is ${contrastRatio(String(issue.input), '#ffffff').toFixed(2)}:1; WCAG AA needs at least ${MIN_CONTRAST}:1 (white header text and links on white) — choose a darker colour`,
  });

export const logoFile = z.string().trim().min(1)
  .refine((f) => LOGO_TYPES[path.extname(f).toLowerCase()] !== undefined, { error: 'expected a .png, .svg, .jpg or .webp file' })
  .refine((f) => existsSync(f), { error: 'no such file' });

export interface SchoolLook {
  /** The stylesheet's text, when an accent colour is set. */
  css?: string;
  logo?: { file: string; type: string };
}

/** A relative logo path counts from the working directory, as the other data files' do. */
export function schoolLook(school: { accentColor?: string | undefined; logo?: string | undefined }): SchoolLook {
  const accent = school.accentColor?.trim().toLowerCase();
  const logo = school.logo ? path.resolve(school.logo) : undefined;
  return {
    ...(accent && { css: `/* The school's accent colour (school.accentColor), checked against WCAG AA at boot. */\n:root { --brand: ${accent}; --brand-dark: ${darken(accent, 0.25)}; }\n` }),
    ...(logo && { logo: { file: logo, type: LOGO_TYPES[path.extname(logo).toLowerCase()]! } }),
  };
}

/** GET /school.css and GET /school/logo, before any login. */
export function createSchoolLookRouter(look: SchoolLook): Router {
  const router = Router();
  if (look.css) {
    const css = look.css;
    const tag = weakEtag(css);
    router.get('/school.css', (_req, res) => { res.type('text/css').set({ 'Cache-Control': 'public, max-age=3600', ETag: tag }).send(css); });
  }
  if (look.logo) {
    const { file, type } = look.logo;
    const bytes = readFileSync(file);
    const tag = weakEtag(bytes);
    router.get('/school/logo', (_req, res) => { res.type(type).set({ 'Cache-Control': 'public, max-age=3600', ETag: tag }).send(bytes); });
  }
  return router;
}
