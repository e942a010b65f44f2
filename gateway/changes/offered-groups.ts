/**
 * Which of the school's correction groups a parent is offered for a child, and which of those
 * touch secret (geheim) data. A parent may propose a change only to data they may see: a group
 * holding a value the privacy filter hides from this viewer is not offered at all — no empty
 * fields that would tell them something is there — and a post that carries its inputs anyway is
 * refused (inputsNotOffered). A group whose current value is secret, corrected by the parent who
 * may see it, carries the flag on to the queue, the administration's mail and the SIS.
 */
import type { Guardian } from '../../adapters/contract/index.ts';
import type { VisibleChild } from '../privacy/visible.ts';
import { CHANGE_FIELD_GROUPS, FIELD_GROUPS, type ChangeFieldGroup } from './change-form.ts';

export interface OfferedGroup {
  group: ChangeFieldGroup;
  /** The data this group corrects is secret: the new value must stay secret too. */
  secret: boolean;
}

export function offeredGroups(enabled: readonly ChangeFieldGroup[], child: VisibleChild, viewerGuardian: Guardian): OfferedGroup[] {
  const ownPhone = viewerGuardian.contacts.find((c) => c.kind === 'phone' && !c.emergency);
  const ownEmail = viewerGuardian.contacts.find((c) => c.kind === 'email');
  const emergency = child.emergencyContacts.find((c) => c.kind === 'phone');
  const offered: OfferedGroup[] = [];
  for (const group of enabled) {
    switch (group) {
      case 'address':
        if (child.limited || child.addressHidden) break;
        offered.push({ group, secret: child.address?.secret === true });
        break;
      case 'emergencyContact':
        if (child.limited || child.emergencyHidden) break;
        offered.push({ group, secret: emergency?.secret === true });
        break;
      case 'phone':
        offered.push({ group, secret: ownPhone?.secret === true });
        break;
      case 'email':
        offered.push({ group, secret: ownEmail?.secret === true });
        break;
    }
  }
  return offered;
}

/** The inputs a post carries (non-empty) for groups this viewer is not offered, whatever the reason. */
export function inputsNotOffered(body: unknown, offered: readonly OfferedGroup[]): string[] {
  const input = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const allowed = new Set(offered.map((o) => o.group));
  return CHANGE_FIELD_GROUPS.filter((group) => !allowed.has(group))
    .flatMap((group) => FIELD_GROUPS[group].inputs.map((spec) => spec.name))
    .filter((name) => {
      const value = input[name];
      return value !== undefined && !(typeof value === 'string' && value.trim() === '');
    });
}
