export { dataKeyFor, DATA_KEY_ENV, DEMO_DATA_KEY_FILE } from './data-key.ts';
export { checkDataKey, DATA_KEY_COLLECTION } from './key-check.ts';
export { createSealedCollection, DataKeyError, type SealCodec, type SealedCollection } from './sealed-collection.ts';
