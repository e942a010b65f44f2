import { createMemoryStore } from '../../gateway/store/memory-store.ts';
import { runStoreSuite } from '../support/store-suite.ts';

runStoreSuite({ describe, it, beforeEach, afterEach }, { name: 'memory', make: async () => createMemoryStore() });
