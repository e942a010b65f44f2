/**
 * One file of the folder → its dossiers as DossierRecords, or the reason it cannot be read.
 * A file holds one `dossier`, or several under OSO's `dossiers` wrapper; in the latter a broken
 * dossier is skipped on its own and the others are kept.
 */
import { osoDate } from './dates.ts';
import type { DossierRecord, ResultDraft, VerzorgerData } from './dossier-record.ts';
import { mapEindtoets } from './map-eindtoets.ts';
import { mapHuisarts } from './map-medical.ts';
import { mapPupil } from './map-pupil.ts';
import { mapToets, type ResultOptions } from './map-results.ts';
import { mapVerzorger } from './map-verzorgers.ts';
import { mapVerzuim } from './map-verzuim.ts';
import { child, children, parseXml, text, type XmlNode } from './oso-xml.ts';
import { secretHash } from './stable-id.ts';

export interface FileReading {
  records: DossierRecord[];
  /** What was wrong; when `records` is empty, why the whole file was skipped. */
  problems: string[];
}

const OSO_NAMESPACE = /edustandaard\.nl\/oso_gegevensset\//;

function mapDossier(file: string, [position, count]: [number, number], dossier: XmlNode, leerling: XmlNode, options: ResultOptions): DossierRecord {
  const notes: string[] = [];
  const gp = mapHuisarts(leerling);
  const pupil = { ...mapPupil(leerling), ...(gp && { gp }) };
  const verzorgers = children(leerling, 'verzorger').map(mapVerzorger).filter((v): v is VerzorgerData => v !== undefined);
  const results: ResultDraft[] = [
    ...children(child(leerling, 'toetslijst'), 'toets')
      .map((t) => mapToets(t, pupil.placements, options, notes))
      .filter((r): r is ResultDraft => r !== undefined),
    ...mapEindtoets(child(leerling, 'eindtoets_basisonderwijs'), pupil.placements, notes),
  ];
  const forbidden = [text(leerling, 'bsn'), text(leerling, 'onderwijsnummer')].filter((v): v is string => v !== undefined);
  const madeOn = osoDate(text(child(dossier, 'metadata'), 'datum'));
  const leerlingid = text(leerling, 'leerlingid');
  const verzuim = mapVerzuim(child(leerling, 'verzuim'), madeOn, notes);
  return {
    file,
    position,
    dossiersInFile: count,
    ...(madeOn && { madeOn }),
    ...(leerlingid && { leerlingid }),
    forbiddenIdHashes: forbidden.map(secretHash),
    pupil,
    verzorgers,
    results,
    ...(verzuim && { verzuim }),
    notes,
  };
}

export function readDossierFile(file: string, content: string, options: ResultOptions): FileReading {
  const xml = parseXml(content);
  if (!xml.ok) return { records: [], problems: [xml.problem] };
  if (xml.namespace !== undefined && !OSO_NAMESPACE.test(xml.namespace)) {
    return { records: [], problems: [`not an OSO dossier: <${xml.rootName}> is in namespace ${xml.namespace}`] };
  }
  const dossiers = xml.rootName === 'dossier' ? [xml.root] : xml.rootName === 'dossiers' ? children(xml.root, 'dossier') : undefined;
  if (dossiers === undefined) {
    return { records: [], problems: [`not an OSO dossier: the root element is <${xml.rootName}>, not <dossier> or <dossiers>`] };
  }
  if (dossiers.length === 0) return { records: [], problems: ['an OSO <dossiers> file without any <dossier>'] };

  const reading: FileReading = { records: [], problems: [] };
  const several = dossiers.length > 1;
  for (const [position, dossier] of dossiers.entries()) {
    const where = several ? `dossier ${position + 1}: ` : '';
    const leerling = child(child(dossier, 'huidigeschool'), 'leerling');
    if (!leerling) {
      reading.problems.push(`${where}not an OSO dossier: no huidigeschool/leerling`);
    } else if (!text(leerling, 'achternaam')) {
      reading.problems.push(`${where}the leerling has no achternaam`);
    } else {
      reading.records.push(mapDossier(file, [position, dossiers.length], dossier, leerling, options));
    }
  }
  return reading;
}
