/**
 * `portal`: the school's own texts for the parent pages (schema lives with the pages that use it).
 * Optional: without it the pages use the generic texts of config/portal-generic.yaml.
 */
import { portalTextSchema } from '../../routes/parent/portal-text.ts';

export const portalSection = portalTextSchema.optional();
