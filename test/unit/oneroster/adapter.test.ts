/** The OneRoster 1.2 adapter against a local provider (test/fixtures/oneroster/server.ts). */
import axios from 'axios';
import { expect } from 'chai';
import oneroster from '../../../adapters/oneroster/index.ts';
import { queryString } from '../../../adapters/oneroster/client.ts';
import type { SisAdapter } from '../../../adapters/contract/index.ts';
import { CLIENT, startOneRosterServer, type OneRosterServer } from '../../fixtures/oneroster/server.ts';
import { manualClock } from '../../support/clock.ts';
import { expectSisError } from '../../support/sis-errors.ts';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
export const NOW = '2026-10-05T08:00:00Z';

export function oneRosterConfig(server: OneRosterServer, overrides: Record<string, unknown> = {}) {
  return { baseUrl: server.baseUrl, tokenUrl: server.tokenUrl, clientId: CLIENT.id, clientSecret: CLIENT.secret, orgSourcedId: 'org-linde', limit: 2, ...overrides };
}

describe('oneroster: the adapter against a OneRoster 1.2 provider', function () {
  this.timeout(20_000);
  let server: OneRosterServer;
  const build = (overrides: Record<string, unknown> = {}, now = NOW): { adapter: SisAdapter; clock: ReturnType<typeof manualClock> } => {
    const clock = manualClock(now);
    return { adapter: oneroster.create(oneroster.configSchema.parse(oneRosterConfig(server, overrides)), { http: axios.create(), clock, logger: silent }), clock };
  };

  beforeEach(async () => {
    server = await startOneRosterServer();
  });
  afterEach(() => server.close());

  it('reads only the one school, with homeroom groups, grades → jaargroep and no group before a placement starts', async () => {
    const { adapter } = build();
    const students = [];
    for (let cursor: string | undefined, i = 0; i === 0 || cursor; i++) {
      const page = await adapter.listStudents!(cursor);
      students.push(...page.items);
      cursor = page.next;
    }
    expect(students.map((s) => s.id)).to.deep.equal(['s-1', 's-2', 's-3']);
    const [bjorn, zoe, noor] = students;
    expect(bjorn!.name).to.deep.equal({ given: 'Björn', family: 'de Vries', firstNames: 'Björn Jan' });
    expect(bjorn!.group).to.deep.equal({ id: 'c-5', name: 'Groep 5', jaargroepen: [5] });
    expect(bjorn!.jaargroep).to.equal(5);
    expect(bjorn!.birthDate).to.equal('2018-04-01');
    expect(zoe!.group).to.deep.equal({ id: 'c-56', name: 'Groep 5/6', jaargroepen: [5, 6] });
    expect(zoe!.jaargroep).to.equal(6);
    expect(noor).to.not.have.property('group');
    expect((await adapter.healthCheck()).detail).to.include('no group yet: s-3');
  });

  it('pages with limit/offset and filters what it can at the provider', async () => {
    const { adapter } = build();
    await adapter.listStudents!();
    const students = server.requests.filter((r) => r.path.endsWith('/schools/org-linde/students'));
    expect(students.map((r) => r.query)).to.deep.equal([{ limit: '2', offset: '0' }, { limit: '2', offset: '2' }]);
    expect(server.requests.find((r) => r.path.endsWith('/classes'))?.query.filter).to.equal("classType='homeroom'");
    expect(server.requests.find((r) => r.path.endsWith('/enrollments'))?.query.filter).to.equal("role='student'");
    expect(server.requests.find((r) => r.path === '/ims/oneroster/rostering/v1p2/users')?.query.filter).to.equal("roles.role='parent' OR roles.role='guardian'");
  });

  it('writes a filter as RFC 3986 does (a space is %20, not the + of form encoding)', () => {
    expect(queryString({ filter: "roles.role='parent' OR roles.role='guardian'", limit: 100 }))
      .to.equal('filter=roles.role%3D%27parent%27%20OR%20roles.role%3D%27guardian%27&limit=100');
  });

  it('links guardians by agents on either side, with the configured gezag and secret defaults', async () => {
    const { adapter } = build();
    const guardians = (await adapter.listGuardians!()).items;
    expect(guardians.map((g) => g.id)).to.deep.equal(['p-1', 'p-2', 'p-3']);
    const eva = guardians.find((g) => g.id === 'p-2')!;
    expect(eva.children).to.deep.equal([
      { studentId: 's-1', relation: 'voogd', gezag: false, livesWith: false },
      { studentId: 's-2', relation: 'voogd', gezag: false, livesWith: false },
    ]);
    expect(eva.contacts).to.deep.equal([{ kind: 'email', value: 'eva@example.org', secret: true, emergency: false }]);
    const withGezag = build({ gezag: 'agents', contactsSecret: false }).adapter;
    const mark = await withGezag.getGuardian!('p-1');
    expect(mark.children).to.deep.equal([{ studentId: 's-1', relation: 'other', gezag: true, livesWith: false }]);
    expect(mark.contacts.every((c) => !c.secret)).to.equal(true);
    await expectSisError(adapter.getGuardian!('p-9'), 'SIS_NOT_FOUND');
  });

  it('gives method-test results from the gradebook with the category → subject map, filtered per pupil', async () => {
    const { adapter } = build({ categories: { 'cat-rek': 'rekenen-wiskunde' } });
    const results = await adapter.listResults!('s-1');
    expect(results.map((r) => [r.id, r.subject, r.testName, r.date, r.score, r.schoolYear, r.jaargroep, r.kind])).to.deep.equal([
      ['r-1', 'rekenen-wiskunde', 'Pluspunt blok 1', '2026-09-18', 7.5, '2026-2027', 5, 'method'],
      ['r-2', 'Taal', 'Taal actief thema 1', '2026-09-25', 8, '2026-2027', 5, 'method'],
    ]);
    expect(server.requests.find((r) => r.path.endsWith('/results'))?.query.filter).to.equal("student.sourcedId='s-1'");
    expect(await adapter.listResults!('s-1', { schoolYear: '2025-2026' })).to.deep.equal([]);
  });

  it('caches the token, and takes a new one once when the provider says it expired', async () => {
    const { adapter, clock } = build({ cacheMs: 0 });
    await adapter.listStudents!();
    await adapter.listStudents!();
    expect(server.tokensIssued).to.equal(1);
    server.expireTokens();
    clock.advance(1000);
    expect((await adapter.listStudents!()).items.length).to.be.greaterThan(0);
    expect(server.tokensIssued).to.equal(2);
  });

  it('a wrong client secret is SIS_AUTH_FAILED, and the health check says so', async () => {
    const { adapter } = build({ clientSecret: 'wrong' });
    const err = await expectSisError(adapter.listStudents!(), 'SIS_AUTH_FAILED');
    expect(err.message).to.not.include('wrong');
    const health = await adapter.healthCheck();
    expect(health.ok).to.equal(false);
    expect(health.detail).to.match(/^SIS_AUTH_FAILED/);
  });

  it('a 429 is SIS_UNAVAILABLE with Retry-After, and the next read succeeds', async () => {
    const { adapter } = build({ cacheMs: 0 });
    server.tooManyNext('/ims/oneroster/rostering/v1p2/demographics');
    const err = await expectSisError(adapter.listStudents!(), 'SIS_UNAVAILABLE');
    expect(err.retryAfter).to.equal(2);
    expect((await adapter.listStudents!()).items.length).to.equal(3);
  });

  it('offers no absences: OneRoster has no attendance', () => {
    expect(oneroster.capabilities).to.deep.equal(['students', 'guardians', 'results.method']);
    expect(build().adapter.listAbsences).to.equal(undefined);
  });
});
