/**
 * The shared conformance suite against the OSO adapter, over temp copies of the fixture folders:
 * once over the project's own dossiers (with a broken file, a non-OSO file and a departed pupil
 * beside them), once over an Edustandaard example dossier on a date its pupil was at school.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import { runConformance } from '../../adapters/contract/conformance/index.ts';
import osoModule from '../../adapters/oso/index.ts';
import { fixedClock } from '../support/clock.ts';

const FIXTURES = new URL('../fixtures/oso/', import.meta.url).pathname;
const silent = { debug() {}, info() {}, warn() {}, error() {} };

function copyOf(...sources: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ouderpoort-oso-conformance-'));
  for (const source of sources) cpSync(join(FIXTURES, source), join(dir, source.split('/').at(-1)!), { recursive: true });
  return dir;
}

const schoolDir = copyOf('school/dossier-1001.xml', 'school/dossier-1002.xml', 'school/dossier-1003.xml', 'school/dossier-1004.xml',
  'school/dossier-1005.xml', 'school/dossiers-1006.xml', 'school/broken.xml', 'school/not-oso.xml', 'examples/Voorbeelddossier_OV_POPO_full.xml');
const exampleDir = copyOf('examples/Voorbeelddossier_OV_POPO_full.xml');
after(() => {
  rmSync(schoolDir, { recursive: true, force: true });
  rmSync(exampleDir, { recursive: true, force: true });
});

describe('OSO adapter over the project fixtures (2026-01-15)', () => {
  runConformance({ describe, it, before, after }, {
    module: osoModule,
    // A small page size, so paging crosses pages.
    config: { dir: schoolDir, watch: false, pageSize: 2 },
    makeDeps: () => ({ http: axios.create(), logger: silent, clock: fixedClock('2026-01-15T09:00:00Z') }),
    // 1005 left school on 2025-07-31; the example pupil in 2016.
    fixtures: { departedStudentIds: ['1005', 'LN094837'] },
  });
});

describe('OSO adapter over an Edustandaard example dossier (2016-02-01)', () => {
  runConformance({ describe, it, before, after }, {
    module: osoModule,
    config: { dir: exampleDir, watch: false },
    makeDeps: () => ({ http: axios.create(), logger: silent, clock: fixedClock('2016-02-01T09:00:00Z') }),
  });
});
