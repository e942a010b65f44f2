/** `portal`: the school's own texts for the parent pages (schema lives with the pages that use it). */
export { portalTextSchema as portalSection } from '../../routes/parent/portal-text.ts';
