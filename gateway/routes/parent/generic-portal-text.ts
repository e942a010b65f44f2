/** The texts the pages use when a school's config has no `portal` section: config/portal-generic.yaml. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { portalTextSchema, type PortalText } from './portal-text.ts';

const FILE = new URL('../../../config/portal-generic.yaml', import.meta.url);

export function genericPortalText(): PortalText {
  return portalTextSchema.parse(parse(readFileSync(FILE, 'utf8')));
}
