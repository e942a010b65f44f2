/**
 * The SOAP 1.1 request envelope of the ParnasSys generic web service (document/literal).
 * The operation element sits in the ParnasSys namespace; its parameters are unqualified, hence
 * `xmlns=""` on each, which resets the default namespace the operation element declares.
 */

export const PARNASSYS_NAMESPACE = 'http://www.topicus.nl/parnassys';
export const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';

/**
 * The operations this adapter calls: `getLeerlingen` always, `getMedewerkers` (staff) only when
 * the config links groups to staff (`groupTeachers`), since its public shape links staff to nothing
 * a pupil has.
 */
export type ParnassysOperation = 'getLeerlingen' | 'getMedewerkers';

export interface OperationParams {
  supplierName: string;
  supplierKey: string;
  brin: string;
  /** Written "2026 / 2027". */
  schoolYear: string;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;',
};

/** Escapes text for an XML element or attribute value. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

const param = (name: string, value: string) => `<${name} xmlns="">${xmlEscape(value)}</${name}>`;

export function soapEnvelope(operation: ParnassysOperation, params: OperationParams): string {
  return '<?xml version="1.0" encoding="utf-8"?>'
    + `<soap:Envelope xmlns:soap="${SOAP_ENVELOPE_NAMESPACE}">`
    + '<soap:Body>'
    + `<${operation} xmlns="${PARNASSYS_NAMESPACE}">`
    + param('leveranciernaam', params.supplierName)
    + param('leveranciersleutel', params.supplierKey)
    + param('brinnummer', params.brin)
    + param('schooljaar', params.schoolYear)
    + `</${operation}>`
    + '</soap:Body>'
    + '</soap:Envelope>';
}

/** SOAP 1.1 names the operation in a quoted SOAPAction header. */
export function soapAction(operation: ParnassysOperation): string {
  return `"${operation}"`;
}
