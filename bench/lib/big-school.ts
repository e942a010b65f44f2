/**
 * A large school as its SIS would send it: a getLeerlingen answer and one OSO file of dossiers,
 * N pupils each. The OSO dossier is the project's fixture pupil 1001, repeated with new ids.
 */
import { readFileSync } from 'node:fs';

const GROUPS = 16;

function leerling(i: number): string {
  const id = String(100000 + i);
  const group = `g-${i % GROUPS}`;
  return `<leerling><id>${id}</id><leerlingNummer>${i}</leerlingNummer><roepNaam>Kind${i}</roepNaam><voornamen>Kind${i} Tweede</voornamen>`
    + `<tussenvoegsel>van</tussenvoegsel><achternaam>Achternaam${i}</achternaam><tussenvoegselOfficieel>van</tussenvoegselOfficieel>`
    + `<achternaamOfficieel>Achternaam${i}</achternaamOfficieel><geboortedatum>2017-0${1 + (i % 9)}-1${i % 10}</geboortedatum>`
    + `<geboortedatumOnzeker>false</geboortedatumOnzeker><geboorteplaats>Utrecht</geboorteplaats><geslacht>${i % 2 ? 'Man' : 'Vrouw'}</geslacht>`
    + `<datumAanmelding>2021-08-01</datumAanmelding><leerlingAdres>a-${id}</leerlingAdres><groepsindelingen>`
    + `<groepsindeling><id>gi-${id}-1</id><groep>${group}-old</groep><schooljaar>sj-25</schooljaar><vanafDatum>2025-08-18</vanafDatum><totDatum>2026-07-10</totDatum><leerjaar>${1 + (i % 8)}</leerjaar><bekostigd>true</bekostigd></groepsindeling>`
    + `<groepsindeling><id>gi-${id}-2</id><groep>${group}</groep><schooljaar>sj-26</schooljaar><vanafDatum>2026-08-24</vanafDatum><leerjaar>${1 + (i % 8)}</leerjaar><bekostigd>true</bekostigd></groepsindeling>`
    + `</groepsindelingen><inschrijvingen><inschrijving><id>i-${id}</id><datumInschrijving>2021-08-30</datumInschrijving><inschrijvingType>it-1</inschrijvingType></inschrijving></inschrijvingen></leerling>`;
}

function adres(i: number): string {
  const id = String(100000 + i);
  return `<adres><id>a-${id}</id><straat>Dorpsstraat</straat><huisnummer>${i}</huisnummer><postcode>3511AB</postcode><plaats>Utrecht</plaats>`
    + `<gemeente>Utrecht</gemeente><land>Nederland</land><geheimadres>${i % 40 === 0}</geheimadres>`
    + `<telefoon><id>t-${id}</id><nummer>030${String(1000000 + i)}</nummer><geheim>false</geheim></telefoon><telefoon/></adres>`;
}

export function bigLeerlingenAnswer(pupils: number): string {
  const groups = Array.from({ length: GROUPS }, (_, g) => `<groep><id>g-${g}</id><naam>Groep ${1 + (g % 8)}${g >= 8 ? 'b' : 'a'}</naam><code>${g}</code><schooljaar>sj-26</schooljaar></groep>`
    + `<groep><id>g-${g}-old</id><naam>Groep ${1 + (g % 8)}</naam><code>${g}o</code><schooljaar>sj-25</schooljaar></groep>`).join('');
  const ids = Array.from({ length: pupils }, (_, i) => i);
  return '<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>'
    + '<ns2:getLeerlingenResponse xmlns:ns2="http://www.topicus.nl/parnassys"><return>'
    + `<adressen>${ids.map(adres).join('')}</adressen><groepen>${groups}</groepen>`
    + '<inschrijvingtypes><inschrijvingtype><id>it-1</id><omschrijving>Volledig</omschrijving><code>V</code></inschrijvingtype></inschrijvingtypes>'
    + `<leerlingen>${ids.map(leerling).join('')}</leerlingen>`
    + '<schooljaren><schooljaar><id>sj-25</id><naam>2025 / 2026</naam></schooljaar><schooljaar><id>sj-26</id><naam>2026 / 2027</naam></schooljaar></schooljaren>'
    + '</return></ns2:getLeerlingenResponse></soap:Body></soap:Envelope>';
}

export function bigDossiersFile(pupils: number): string {
  const one = readFileSync(new URL('../../test/fixtures/oso/school/dossier-1001.xml', import.meta.url), 'utf8');
  const dossier = one.replace(/^<\?xml[^>]*>\s*/, '').replace(/<dossier xmlns="[^"]*">/, '<dossier>');
  const body = Array.from({ length: pupils }, (_, i) => dossier
    .replace('<leerlingid>1001</leerlingid>', `<leerlingid>${200000 + i}</leerlingid>`)
    .replace('<bsn>999990019</bsn>', '')
    .replaceAll('Mark.deVries@example.org', `ouder${i}@example.org`)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<dossiers xmlns="http://www.edustandaard.nl/oso_gegevensset/2019/dossier">\n${body}\n</dossiers>\n`;
}
