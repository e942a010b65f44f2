// The OneRoster 1.2 adapter against the shared conformance suite, served by a local provider.
import axios from 'axios';
import oneroster from '../../adapters/oneroster/index.ts';
import { runConformance } from '../../adapters/contract/conformance/index.ts';
import { CLIENT, startOneRosterServer, type OneRosterServer } from '../fixtures/oneroster/server.ts';
import { fixedClock } from '../support/clock.ts';

/** The config names a fixed origin; each request is sent to the provider's real port. */
const ORIGIN = 'http://oneroster.test';

describe('OneRoster 1.2 over a local provider', () => {
  let server: OneRosterServer | undefined;
  before(async () => {
    server = await startOneRosterServer();
  });
  after(() => server?.close());

  runConformance({ describe, it, before, after }, {
    module: oneroster,
    config: {
      baseUrl: `${ORIGIN}/ims/oneroster`, tokenUrl: `${ORIGIN}/oauth/token`, clientId: CLIENT.id, clientSecret: CLIENT.secret,
      orgSourcedId: 'org-linde', limit: 2, pageSize: 2,
    },
    makeDeps: () => {
      const http = axios.create();
      http.interceptors.request.use((request) => ({ ...request, url: request.url?.replace(ORIGIN, server?.url ?? ORIGIN) }));
      return { http, logger: { debug() {}, info() {}, warn() {}, error() {} }, clock: fixedClock('2026-10-05T08:00:00Z') };
    },
  });
});
