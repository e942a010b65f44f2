/** The module's face: name, capabilities, the config schema and narrowing by config. */
import { expect } from 'chai';
import osoModule, { createOsoAdapter, osoConfigSchema } from '../../../adapters/oso/index.ts';
import { expectSisError, rejectionOf } from './support.ts';

describe('OSO adapter module and config', () => {
  it('is named oso and offers students, guardians, absences (as summaries) , LVS results and the GP as a medical card; no method results, no reports, no changes', () => {
    expect(osoModule.name).to.equal('oso');
    expect(osoModule.version).to.match(/^\d+\.\d+\.\d+$/);
    expect([...osoModule.capabilities]).to.deep.equal(['students', 'guardians', 'absences', 'results.lvs', 'medical']);
  });

  it('needs only dir; the schema fills in the rest', () => {
    expect(osoConfigSchema.parse({ dir: '/srv/oso' })).to.deep.equal({
      dir: '/srv/oso', studentIdFrom: 'leerlingid', pollMs: 30_000, watch: true, pageSize: 100,
      maxFileBytes: 64 * 1024 * 1024, includeIntelligenceTests: false,
    });
  });

  it('refuses unknown keys, a missing dir, and an id source other than leerlingid or filename', () => {
    const issues = (value: unknown) => {
      const parsed = osoConfigSchema.safeParse(value);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    };
    expect(issues({})).to.deep.equal(['dir']);
    expect(issues({ dir: '  ' })).to.deep.equal(['dir']);
    expect(issues({ dir: 'x', folder: 'y' })).to.deep.equal(['']);
    expect(issues({ dir: 'x', studentIdFrom: 'bsn' })).to.deep.equal(['studentIdFrom']);
    expect(issues({ dir: 'x', capabilities: ['results.method'] })).to.deep.equal(['capabilities.0']);
    expect(issues({ dir: 'x', capabilities: ['absences'] })).to.deep.equal([]);
    expect(issues({ dir: 'x', pollMs: -1 })).to.deep.equal(['pollMs']);
  });

  it('createOsoAdapter throws CONFIG_INVALID for a bad config', () => {
    let thrown: unknown;
    try {
      createOsoAdapter({ dir: '' });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).to.include({ code: 'CONFIG_INVALID' });
    expect((thrown as Error).message).to.match(/^Invalid OSO adapter config: dir: /);
  });

  it('capabilities narrow what the adapter offers, and the methods go with them', async () => {
    const adapter = createOsoAdapter({ dir: '/nowhere', capabilities: ['guardians', 'results.lvs'] });
    expect([...adapter.capabilities]).to.deep.equal(['guardians', 'results.lvs']);
    expect(adapter.listStudents).to.equal(undefined);
    expect(adapter.getStudent).to.equal(undefined);
    expect(adapter.listGuardians).to.be.a('function');
    expect(adapter.listResults).to.be.a('function');
    expect(adapter).to.not.have.property('listAbsences');
    await expectSisError(adapter.listGuardians!(), 'SIS_UNAVAILABLE');
    expect(await rejectionOf(adapter.listResults!('x'))).to.include({ code: 'SIS_UNAVAILABLE' });
  });
});
