import { expect } from 'chai';
import { z } from 'zod';
import { ConfigError, formatIssues, formatPath } from '../../../gateway/config/index.ts';

describe('config problem lines', () => {
  it('writes key paths the way they appear in YAML', () => {
    expect(formatPath(['sis', 'stack', 0, 'config', 'latency', 'fixedMs'])).to.equal('sis.stack[0].config.latency.fixedMs');
    expect(formatPath(['cache', 'ttl'])).to.equal('cache.ttl');
    expect(formatPath(['labels', 'groep 5/6'])).to.equal('labels["groep 5/6"]');
    expect(formatPath([])).to.equal('');
  });

  it('tells a missing key from a wrong type, under a prefix, without printing the value', () => {
    const schema = z.strictObject({ seed: z.number(), url: z.string(), nested: z.strictObject({ on: z.boolean() }) });
    const result = schema.safeParse({ seed: 'top-secret', nested: { on: 1, typo: 2 } }, { reportInput: true });
    expect(result.success).to.equal(false);
    const lines = formatIssues(result.error!.issues, ['sis', 'stack', 2, 'config']);
    expect(lines).to.have.members([
      'sis.stack[2].config.seed: expected number, received string',
      'sis.stack[2].config.url: missing (expected string)',
      'sis.stack[2].config.nested.on: expected boolean, received number',
      'sis.stack[2].config.nested.typo: unknown key',
    ]);
    expect(lines.join('\n')).to.not.include('top-secret');
  });

  it('puts every problem in the message of one coded error', () => {
    const err = new ConfigError(['a.b: missing (expected string)', 'c: unknown key']);
    expect(err).to.be.instanceOf(Error);
    expect(err.code).to.equal('CONFIG_INVALID');
    expect(err.message).to.equal('Invalid configuration (2 problems):\n  - a.b: missing (expected string)\n  - c: unknown key');
    expect(err.help).to.include('config/README.md');
    expect(Object.isFrozen(err.problems)).to.equal(true);
  });
});
