/** Operators: the staff who work the change-request queue (config accounts until OIDC). */
export { createOperatorDirectory, type Operator, type OperatorDemoLogin, type OperatorDirectory } from './operator-directory.ts';
export { operatorSessionState, type OperatorSessionLimits } from './operator-session.ts';
export { hasRole, STAFF_ROLES, type StaffRole } from './roles.ts';
