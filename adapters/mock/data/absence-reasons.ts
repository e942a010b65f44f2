/**
 * The demo school's absence reason codes. Schools configure their own list in the SIS (the
 * ParnasSys list is not public); this is one plausible list, kept as data.
 */
export interface AbsenceReason {
  code: string;
  text: string;
  /** Geoorloofd. */
  authorised: boolean;
  /** A late arrival rather than an absence. */
  late: boolean;
}

export const ABSENCE_REASONS = Object.freeze({
  ZIEK: { code: 'ZIEK', text: 'Ziek', authorised: true, late: false },
  ARTS: { code: 'ARTS', text: 'Huisarts/tandarts', authorised: true, late: false },
  VERLOF: { code: 'VERLOF', text: 'Verlof toegekend', authorised: true, late: false },
  ONGEOORLOOFD: { code: 'ONGEOORLOOFD', text: 'Ongeoorloofd', authorised: false, late: false },
  LUXE: { code: 'LUXE', text: 'Luxe verzuim', authorised: false, late: false },
  TELAAT: { code: 'TELAAT', text: 'Te laat', authorised: false, late: true },
} as const satisfies Record<string, AbsenceReason>);

export type AbsenceReasonCode = keyof typeof ABSENCE_REASONS;
