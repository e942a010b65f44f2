export { createOutbox, OUTBOX_COLLECTION, type EnqueueInput, type Outbox } from './outbox.ts';
export { createDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions, type PassReport } from './delivery-worker.ts';
export { DEFAULT_BACKOFF, retryDelayMs, type BackoffPolicy } from './backoff.ts';
export { DeliveryError, isDeliveryError, type DeliveryHandler, type OutboxItem, type OutboxStatus, type OutboxAttempt } from './types.ts';
export { assertDeliveryWindow, isInDeliveryWindow, nextWindowOpening, type DeliveryWindow } from './window.ts';
export { createSeal, isSealed, type Seal } from './seal.ts';
