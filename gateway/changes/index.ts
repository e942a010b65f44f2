/** Corrections by parents (DESIGN §7): the form, durable requests with their status, delivery. */
export { CHANGE_FIELD_GROUPS, FIELD_GROUPS, formGroups, parseChangeForm } from './change-form.ts';
export type { ChangeFieldGroup, CurrentValues, FormErrors, ParsedForm } from './change-form.ts';
export { CHANGE_KIND, CHANGE_REQUESTS_COLLECTION, createChangeRequests } from './change-requests.ts';
export type { ChangeRequests, Decision, StatusListener, SubmitInput } from './change-requests.ts';
export { createChangeDeliveryHandler, type ChangeDeliveryDeps, type ChangeMailRoute } from './delivery-handler.ts';
export { changeMail } from './change-mail.ts';
export { createChangeSeal, openChangePayload, payloadOf, sealedPayloadOf } from './change-payload.ts';
export type { ChangeSeal, SealedChangePayload, StoredChangePayload } from './change-payload.ts';
export { isFormKey, newFormKey, referenceFor, requestIdFor, deliveryKeyFor } from './form-key.ts';
export { CHANGE_STATUSES } from './types.ts';
export type { ChangePayload, ChangeRequest, ChangeStatus, ChangedField, StatusChange } from './types.ts';
