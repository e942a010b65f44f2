/**
 * Cache keys: the record kind plus opaque SIS ids and dates, nothing else, so a key in a log line,
 * a store dump or a metric label never carries a name, an address or a BSN.
 * Parts are URI-encoded so an id containing ":" cannot collide with another key.
 */
const part = (value: string): string => encodeURIComponent(value);

export const cacheKeys = {
  student: (studentId: string) => `student:${part(studentId)}`,
  guardian: (guardianId: string) => `guardian:${part(guardianId)}`,
  guardiansOfStudent: (studentId: string) => `guardiansOfStudent:${part(studentId)}`,
  absences: (studentId: string, range: { from: string; to: string }) =>
    `absences:${part(studentId)}:${part(range.from)}:${part(range.to)}`,
  results: (studentId: string) => `results:${part(studentId)}`,
  reports: (studentId: string) => `reports:${part(studentId)}`,
  medical: (studentId: string) => `medical:${part(studentId)}`,
};
