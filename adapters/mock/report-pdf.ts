/**
 * Renders one demo report card as a PDF with pdfkit. Deterministic: the creation date is the
 * report's issue date and pdfkit derives the file id from the document info, so the same pupil
 * and seed give the same bytes on every machine. The standard Helvetica font is not embedded,
 * which keeps the file small and free of timestamps.
 */
import PDFDocument from 'pdfkit';
import type { ReportContent } from './data/reports.ts';

const DUTCH_DATE = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function renderReportPdf(content: ReportContent, school: { name: string; city: string }): Promise<Buffer> {
  const { report } = content;
  const issued = new Date(`${report.issuedOn}T12:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    compress: true,
    lang: 'nl-NL',
    displayTitle: true,
    info: {
      Title: `${report.period} ${report.schoolYear}`,
      Author: school.name,
      Subject: 'Rapport',
      Producer: 'Ouderpoort mock SIS',
      Creator: 'Ouderpoort mock SIS',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(20).text(`${school.name}, ${school.city}`);
  doc.moveDown(0.3).fontSize(16).text(`${report.period} — schooljaar ${report.schoolYear}`);
  doc.moveDown(0.8).font('Helvetica').fontSize(12)
    .text(`Leerling: ${content.pupilName}`)
    .text(`Groep: ${content.groupName} (jaargroep ${report.jaargroep})`)
    .text(`Uitgereikt op: ${DUTCH_DATE.format(issued)}`);
  if (content.teacherNames.length > 0) doc.text(`Leerkracht: ${content.teacherNames.join(' en ')}`);

  doc.moveDown(1).font('Helvetica-Bold').fontSize(13).text('Vakken');
  doc.font('Helvetica').fontSize(11);
  for (const { subject, judgement } of content.judgements) {
    const y = doc.y;
    doc.text(subject, 56, y, { width: 260 });
    doc.text(judgement, 330, y, { width: 200 });
    doc.moveDown(0.25);
  }

  doc.moveDown(1).font('Helvetica-Bold').fontSize(13).text('Van de leerkracht', 56);
  doc.font('Helvetica').fontSize(11).text(content.teacherText, { width: 480 });
  doc.end();
  return done;
}
