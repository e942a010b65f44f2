export { createSisService, type SisServiceOptions } from './sis-service.ts';
export {
  SisServiceError, SisDataUnavailableError, SisCapabilityMissingError, isSisServiceError,
  SIS_SERVICE_ERROR_CODES, type SisServiceErrorCode,
} from './errors.ts';
export { cacheKeys } from './cache-keys.ts';
export { schoolYearOf } from './school-year.ts';
export type { SisServiceLogger } from './read-through.ts';
export type * from './types.ts';
