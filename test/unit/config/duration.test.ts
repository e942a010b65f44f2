import { expect } from 'chai';
import { parseDuration, tryParseDuration } from '../../../gateway/config/duration.ts';

describe('config durations', () => {
  it('reads every unit into milliseconds', () => {
    expect(parseDuration('250ms')).to.equal(250);
    expect(parseDuration('30s')).to.equal(30_000);
    expect(parseDuration('15m')).to.equal(900_000);
    expect(parseDuration('1h')).to.equal(3_600_000);
    expect(parseDuration('7d')).to.equal(604_800_000);
    expect(parseDuration('2w')).to.equal(1_209_600_000);
  });

  it('adds combined parts and accepts decimals', () => {
    expect(parseDuration('1h30m')).to.equal(5_400_000);
    expect(parseDuration('1.5h')).to.equal(5_400_000);
  });

  it('takes a plain number, or a string of digits, as seconds', () => {
    expect(parseDuration(90)).to.equal(90_000);
    expect(parseDuration('90')).to.equal(90_000);
    expect(parseDuration(0)).to.equal(0);
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'soon', '15 m', '-5s', '5x', 'm', '1h 30m', '1h30']) {
      expect(tryParseDuration(bad), bad).to.equal(undefined);
    }
    expect(tryParseDuration(-1)).to.equal(undefined);
    expect(tryParseDuration(Number.POSITIVE_INFINITY)).to.equal(undefined);
    expect(tryParseDuration(true)).to.equal(undefined);
    expect(() => parseDuration('soon')).to.throw(RangeError, /duration/);
  });
});
