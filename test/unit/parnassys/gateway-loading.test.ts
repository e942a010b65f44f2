/**
 * The gateway finds the adapter by name, reads the key through `!env`, and reports a bad config
 * without its values — the way a school deploys it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { createSisStackFromConfig, loadAdapters } from '../../../gateway/adapters/index.ts';
import { loadConfig } from '../../../gateway/config/index.ts';
import { createLogger } from '../../../gateway/logger.ts';
import {
  FIXTURE_NOW, ORIGIN, SERVICE_PATH, SUPPLIER_KEY, fixture, interceptGetLeerlingen, useOfflineNock, XML_HEADERS,
} from '../../fixtures/parnassys/soap.ts';
import { fixedClock } from '../../support/clock.ts';
import { rejectionOf } from './support.ts';

describe('parnassys: loaded by the gateway', () => {
  useOfflineNock();
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ouderpoort-parnassys-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('builds from a school file with `supplierKey: !env PARNASSYS_SUPPLIER_KEY` and serves pupils', async () => {
    const file = join(dir, 'school.yaml');
    writeFileSync(file, `
school: { name: OBS De Bron, brin: 12AB }
sis:
  stack:
    - adapter: parnassys
      config:
        endpoint: ${ORIGIN}${SERVICE_PATH}
        supplierName: "Ouderpoort & Co"
        supplierKey: !env PARNASSYS_SUPPLIER_KEY
        brin: 12AB
`);
    const config = loadConfig({ file, env: { PARNASSYS_SUPPLIER_KEY: SUPPLIER_KEY } });
    const stack = await createSisStackFromConfig(config, {
      logger: createLogger({ log: { level: 'silent' } }),
      clock: fixedClock(FIXTURE_NOW),
    });
    const scope = interceptGetLeerlingen({ times: 1 }).reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
    try {
      expect((await stack.getStudent!('1002')).address).to.include({ secret: true });
      expect(scope.isDone()).to.equal(true);
      expect(stack.describeStack().filter((r) => r.adapter).map((r) => `${r.capability}:${r.adapter}`)).to.deep.equal(['students:parnassys']);
    } finally {
      await stack.close!();
    }
  });

  it('reports config problems by key, without the key itself', async () => {
    const err = await rejectionOf(loadAdapters([{
      adapter: 'parnassys',
      config: { host: 'parnassys.net', supplierName: 'X', supplierKey: `${SUPPLIER_KEY}\u0000`, brin: '12AB', colour: 'red' },
    }], { baseDir: dir }));
    const problems = (err as { problems: string[] }).problems;
    expect(problems).to.include('sis.stack[0].config.colour: unknown key');
    expect(problems.some((p) => p.startsWith('sis.stack[0].config.supplierKey:'))).to.equal(true);
    expect(JSON.stringify(problems)).not.to.include('s3cr3t');
  });
});
