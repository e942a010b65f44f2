/**
 * `eindtoets_basisonderwijs` → doorstroomtoets results: one row for the test as a whole
 * (standaardscore, toetsadvies) and one per onderdeel or domein that has a referentieniveau.
 */
import type { ReferenceScore } from '../contract/index.ts';
import { osoDate, schoolYearOf } from './dates.ts';
import type { Placement, ResultDraft } from './dossier-record.ts';
import { jaargroepOn } from './map-results.ts';
import { bool, child, children, decimal, text, type XmlNode } from './oso-xml.ts';

/** OSO codelijst 42, the entries the schema documents. */
const TEST_NAMES: Record<string, string> = { '0011': 'Centrale Eindtoets', '0012': 'Route 8', '0013': 'IEP Eindtoets' };

/** OSO codelijst 45: eindtoets referentieniveaus. */
const REFERENTIENIVEAUS: Record<string, string> = { '01': '<1F', '02': '1F', '03': '1S', '04': '2F' };

/** The doorstroomtoets is taken in groep 8 by law; the dossier's own placement is preferred. */
const DOORSTROOM_JAARGROEP = 8;

function level(code: string | undefined): ReferenceScore[] {
  return code ? [{ code: 'REF', value: REFERENTIENIVEAUS[code] ?? code }] : [];
}

export function mapEindtoets(block: XmlNode | undefined, placements: readonly Placement[], notes: string[]): ResultDraft[] {
  const result = child(block, 'eindtoetsresultaat');
  if (!block || !result || bool(block, 'deelgenomen') === false) return [];
  if (text(result, 'wettelijke_ontheffing')?.toUpperCase() === 'J') return [];
  const date = osoDate(text(result, 'datum_afname'));
  if (!date) {
    notes.push('eindtoets: no datum_afname');
    return [];
  }
  const soort = text(result, 'toetssoort') ?? '';
  const base = {
    kind: 'doorstroom' as const,
    testName: text(result, 'toetsomschrijving') ?? TEST_NAMES[soort] ?? `Eindtoets (${soort || 'onbekend'})`,
    date,
    schoolYear: schoolYearOf(date),
    jaargroep: jaargroepOn(placements, date) ?? DOORSTROOM_JAARGROEP,
  };
  const drafts: ResultDraft[] = [];
  const standaardscore = decimal(result, 'standaardscore');
  const advies = text(result, 'toets_advies');
  if (standaardscore !== undefined || advies !== undefined) {
    drafts.push({
      ...base,
      idKey: `eindtoets|${date}|${soort}`,
      subject: 'doorstroomtoets',
      ...(standaardscore !== undefined && { score: standaardscore }),
      referenceScores: advies ? [{ code: 'ADVIES', value: advies }] : [],
    });
  }
  for (const onderdeel of children(child(result, 'onderdelen'), 'onderdeel')) {
    const code = text(onderdeel, 'onderdeelcode') ?? '';
    const refs = level(text(onderdeel, 'ond_referentieniveau'));
    if (refs.length > 0) {
      drafts.push({ ...base, idKey: `eindtoets|${date}|${soort}|onderdeel|${code}`, subject: text(onderdeel, 'onderdeelomschrijving') ?? `onderdeel ${code}`, referenceScores: refs });
    }
    for (const domein of children(child(onderdeel, 'domeinen'), 'domein')) {
      const domeinCode = text(domein, 'domeincode') ?? '';
      const domeinRefs = level(text(domein, 'dom_referentieniveau'));
      if (domeinRefs.length === 0) continue;
      drafts.push({ ...base, idKey: `eindtoets|${date}|${soort}|domein|${domeinCode}`, subject: text(domein, 'domeinomschrijving') ?? `domein ${domeinCode}`, referenceScores: domeinRefs });
    }
  }
  return drafts;
}
