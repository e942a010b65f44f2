/**
 * The stack of config/stacked.example.yaml through the shared suite, as the gateway routes it:
 * ParnasSys (nock, exact request) for pupils, OSO dossiers for guardians, absences and LVS results.
 * The cross-adapter rule — every guardian's child link names a pupil getStudent resolves — is
 * what proves the pupil ids agree across the two sources.
 */
import { fileURLToPath } from 'node:url';
import axios from 'axios';
import { runConformance } from '../../adapters/contract/conformance/index.ts';
import { loadAdapters, stackModule, type LoadedAdapter } from '../../gateway/adapters/index.ts';
import { loadConfig } from '../../gateway/config/index.ts';
import { fixture, FIXTURE_NOW, interceptGetLeerlingen, offline, resetNock, XML_HEADERS } from '../fixtures/parnassys/soap.ts';
import { fixedClock } from '../support/clock.ts';

const OSO_DIR = fileURLToPath(new URL('../fixtures/oso/stacked/', import.meta.url));
const KEY = 'stack-conformance-key';

const example = loadConfig({ file: 'config/stacked.example.yaml', env: { PARNASSYS_SUPPLIER_KEY: KEY } });
const entries = example.sis.stack.map((entry) => (entry.adapter === 'oso'
  ? { ...entry, config: { ...entry.config, dir: OSO_DIR, watch: false } }
  : entry));
// Loaded before the suite registers its tests, as the gateway loads at boot.
const loaded: LoadedAdapter[] = await loadAdapters(entries, { baseDir: example.source.baseDir });

describe('the ParnasSys + OSO stack of config/stacked.example.yaml', () => {
  before(() => {
    offline();
    interceptGetLeerlingen({
      origin: 'https://parnassys.net',
      supplier: { nameEscaped: 'Ouderpoort', keyEscaped: KEY },
      times: 'persist',
    }).reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
  });
  after(resetNock);

  runConformance({ describe, it, before, after }, {
    module: stackModule(loaded),
    config: {},
    makeDeps: () => ({ http: axios.create(), logger: { debug() {}, info() {}, warn() {}, error() {} }, clock: fixedClock(FIXTURE_NOW) }),
    // Liam (pupil number 20180827) left on 30 September, in ParnasSys and in his dossier.
    fixtures: { departedStudentIds: ['20180827'] },
  });
});
