/**
 * Which verzorgers in different dossiers are one person. OSO gives a verzorger no id, yet a
 * parent of two pupils must be one guardian (one account, two children). A verzorger is keyed
 * by name (family name, prefix, first initial), `relatietotkind`, and an anchor: their first
 * e-mail address that is not a secret placeholder, else their home address. Two siblings'
 * dossiers exported from one SIS record give the same key. Without an anchor the key is
 * scoped to the pupil, so look-alikes are never merged on name alone; a person then gets one
 * guardian per child rather than a stranger's child.
 */
import type { VerzorgerData } from './dossier-record.ts';

export function guardianKey(studentId: string, v: VerzorgerData): string {
  const who = `${v.nameKey}|${v.relationCode}`;
  return v.anchor ? `${who}|${v.anchor}` : `${who}|pupil:${studentId}`;
}
