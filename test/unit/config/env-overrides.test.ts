/** PORT and HOST from the environment (Node convention) over the config files; a bad PORT names itself and the key. */
import { expect } from 'chai';
import { isConfigError, loadConfig } from '../../../gateway/config/index.ts';

describe('PORT and HOST from the environment', () => {
  it('set server.port and server.host over the files', () => {
    const config = loadConfig({ file: 'config/demo.yaml', env: { PORT: '4321', HOST: '0.0.0.0' } });
    expect(config.server.port).to.equal(4321);
    expect(config.server.host).to.equal('0.0.0.0');
  });

  it('leave the files\' values when unset or empty', () => {
    const config = loadConfig({ file: 'config/demo.yaml', env: { PORT: '' } });
    expect(config.server.port).to.equal(3000);
    expect(config.server.host).to.equal('127.0.0.1');
  });

  it('refuse a PORT that is not a port number, naming PORT and server.port', () => {
    for (const bad of ['http', '70000', '-1']) {
      let err: unknown;
      try {
        loadConfig({ file: 'config/demo.yaml', env: { PORT: bad } });
      } catch (e) {
        err = e;
      }
      expect(isConfigError(err), bad).to.equal(true);
      expect((err as Error).message).to.include('server.port').and.include(`PORT="${bad}"`);
    }
  });
});
