// The ParnasSys adapter against the shared conformance suite, with the web service played by nock.
import axios from 'axios';
import parnassys from '../../adapters/parnassys/index.ts';
import { runConformance } from '../../adapters/contract/conformance/index.ts';
import {
  DEPARTED_PUPIL_ID, FIXTURE_NOW, fixture, interceptGetLeerlingen, interceptGetMedewerkers, offline, resetNock, testConfig, XML_HEADERS,
} from '../fixtures/parnassys/soap.ts';
import { fixedClock } from '../support/clock.ts';

describe('ParnasSys over nock', () => {
  before(() => {
    offline();
    // Every fresh adapter asks once; the exact request is asserted on each call.
    interceptGetLeerlingen({ times: 'persist' }).reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
  });
  after(resetNock);

  runConformance({ describe, it, before, after }, {
    module: parnassys,
    config: testConfig({ pageSize: 2 }),
    makeDeps: () => ({
      http: axios.create(),
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      clock: fixedClock(FIXTURE_NOW),
    }),
    fixtures: { departedStudentIds: [DEPARTED_PUPIL_ID] },
  });
});

describe('ParnasSys over nock, with teachers from getMedewerkers (groupTeachers)', () => {
  before(() => {
    offline();
    interceptGetLeerlingen({ times: 'persist' }).reply(200, fixture('get-leerlingen-2026-2027.xml'), XML_HEADERS);
    interceptGetMedewerkers({ times: 'persist' }).reply(200, fixture('get-medewerkers-2026-2027.xml'), XML_HEADERS);
  });
  after(resetNock);

  runConformance({ describe, it, before, after }, {
    module: parnassys,
    config: testConfig({ groupTeachers: { 56: ['m-502', 'm-501'], KZ: ['m-503'] } }),
    makeDeps: () => ({
      http: axios.create(),
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      clock: fixedClock(FIXTURE_NOW),
    }),
    fixtures: { departedStudentIds: [DEPARTED_PUPIL_ID] },
  });
});
