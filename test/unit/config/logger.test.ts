/** The logger is configured by the `log` section; its redaction is tested through a sink stream. */
import { expect } from 'chai';
import { Writable } from 'node:stream';
import { createLogger, REDACTED } from '../../../gateway/logger.ts';

function sink() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { stream, lines };
}

describe('createLogger', () => {
  it('writes JSON lines at the configured level and above', () => {
    const { stream, lines } = sink();
    const logger = createLogger({ log: { level: 'warn' } }, stream);
    logger.info('not written');
    logger.warn({ adapter: 'mock' }, 'written');
    expect(lines).to.have.length(1);
    expect(lines[0]).to.include({ level: 40, msg: 'written', adapter: 'mock' });
    expect(lines[0]?.time).to.match(/^\d{4}-\d\d-\d\dT/);
  });

  it('redacts credentials and personal data, at the top and nested', () => {
    const { stream, lines } = sink();
    const logger = createLogger({ log: { level: 'info' } }, stream);
    logger.info({
      password: 'hunter2-hunter2',
      token: 'tok-1',
      account: { username: 'ouder1', passwordHash: '$argon2id$x', email: 'ouder@example.nl', phone: '0612345678' },
      student: {
        id: 's-1',
        name: { given: 'Sem', family: 'Jansen' },
        birthDate: '2017-03-04',
        address: { street: 'Dorpsstraat', houseNumber: '1', postcode: '1234 AB', city: 'Ergens', secret: false },
      },
      config: { parnassys: { key: 'api-key-1', leveranciersleutel: 'lev-1' } },
      child: { guardian: { email: 'deep@example.nl' } },
    }, 'login');
    const line = lines[0]!;
    const text = JSON.stringify(line);
    for (const leaked of ['hunter2', 'tok-1', '$argon2id', 'ouder@example.nl', '0612345678', 'Sem', 'Jansen', '2017-03-04', 'Dorpsstraat', 'api-key-1', 'lev-1', 'deep@example.nl']) {
      expect(text, leaked).to.not.include(leaked);
    }
    expect(line.password).to.equal(REDACTED);
    expect(line.account).to.deep.equal({ username: 'ouder1', passwordHash: REDACTED, email: REDACTED, phone: REDACTED });
    expect(line.student).to.deep.equal({ id: 's-1', name: REDACTED, birthDate: REDACTED, address: REDACTED });
    expect(line.msg).to.equal('login');
  });

  it('redacts cookies and authorization headers of logged requests', () => {
    const { stream, lines } = sink();
    const logger = createLogger({ log: { level: 'info' } }, stream);
    logger.info({ req: { method: 'GET', url: '/', headers: { cookie: '__Host-sid=abc', authorization: 'Bearer xyz', accept: 'text/html' } } });
    expect(lines[0]?.req).to.deep.equal({ method: 'GET', url: '/', headers: { cookie: REDACTED, authorization: REDACTED, accept: 'text/html' } });
  });

  it('keeps what an axios error carries about the request out of the log', () => {
    const { stream, lines } = sink();
    const logger = createLogger({ log: { level: 'info' } }, stream);
    const err = Object.assign(new Error('Request failed with status code 401'), {
      code: 'ERR_BAD_REQUEST',
      config: { headers: { Authorization: 'Basic c2VjcmV0' }, url: 'https://sis.example/api' },
      response: { status: 401, data: { student: 'x' } },
    });
    logger.error({ err }, 'SIS call failed');
    const logged = lines[0]?.err as Record<string, unknown>;
    expect(logged.message).to.equal('Request failed with status code 401');
    expect(logged.code).to.equal('ERR_BAD_REQUEST');
    expect(logged.config).to.equal(REDACTED);
    expect(logged.response).to.equal(REDACTED);
    expect(JSON.stringify(lines[0])).to.not.include('c2VjcmV0');
  });

  it('redacts in child loggers too', () => {
    const { stream, lines } = sink();
    const child = createLogger({ log: { level: 'info' } }, stream).child({ adapter: 'mock' });
    child.info({ guardian: { id: 'g-1', email: 'ouder@example.nl' } }, 'fetched');
    expect(lines[0]).to.deep.include({ adapter: 'mock', guardian: { id: 'g-1', email: REDACTED } });
  });
});
