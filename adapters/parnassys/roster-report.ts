/**
 * What the joined roster left out or kept incomplete, as one line for the health detail (the
 * status page shows it) and one object for the log. Pupils are named by the SIS's own opaque id,
 * so the administration can look them up; nothing else about them is written.
 */
import type { Roster } from './roster.ts';

const MAX_IDS = 20;

const idList = (ids: readonly string[]) =>
  ids.length > MAX_IDS ? `${ids.slice(0, MAX_IDS).join(', ')} … and ${ids.length - MAX_IDS} more` : ids.join(', ');

/** "3 pupils left out (unreadable-record: 1007; no-birth-date: 1010, 1011); without jaargroep: 1003", or undefined when all is well. */
export function rosterProblems(roster: Roster): string | undefined {
  const parts: string[] = [];
  const skipped = Object.entries(roster.skipped).filter(([, ids]) => ids && ids.length > 0) as Array<[string, string[]]>;
  const count = skipped.reduce((n, [, ids]) => n + ids.length, 0);
  if (count > 0) parts.push(`${count} pupil(s) left out (${skipped.map(([reason, ids]) => `${reason}: ${idList(ids)}`).join('; ')})`);
  const others = roster.unreadable.filter((u) => u.kind !== 'leerling');
  if (others.length > 0) parts.push(`unreadable records left out: ${idList(others.map((u) => `${u.kind} ${u.ref}`))}`);
  if (roster.withoutJaargroep.length > 0) parts.push(`without jaargroep (the group names none, no leerjaar): ${idList(roster.withoutJaargroep)}`);
  if (roster.withoutGroup.length > 0) parts.push(`no group yet (placement not started): ${idList(roster.withoutGroup)}`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}
