/**
 * Issue 22 item 10: the code on an error page is short enough to read over the phone (two groups
 * of five letters and digits that cannot be mistaken for one another), and staff find the request
 * by it in the logs.
 */
import { expect } from 'chai';
import { REQUEST_ID_PATTERN, newRequestId } from '../../gateway/http/request-id.ts';
import { absencesDuringOutage } from './outage-page.support.ts';

describe('a short error reference a parent can read out (issue 22 item 10)', function () {
  this.timeout(30_000);

  it('the 503 page shows an 11-character code, the same as the X-Request-Id, and the log lines of that request carry it', async () => {
    const { t, res } = await absencesDuringOutage();
    expect(res.status).to.equal(503);
    const code = /Foutcode voor de school: ([^.<\s]+)\./.exec(res.text)?.[1];
    expect(code).to.match(REQUEST_ID_PATTERN).and.have.length(11);
    expect(res.headers['x-request-id']).to.equal(code);
    expect(res.text).to.include('Belt u de school hierover? Noem dan deze code.');
    const lines = t.logs().split('\n').filter((l) => l.includes(code!)).map((l) => JSON.parse(l) as { msg?: string; requestId?: string });
    expect(lines.map((l) => l.msg)).to.include('SIS data unavailable');
    expect(lines.find((l) => l.msg === 'SIS data unavailable')?.requestId).to.equal(code);
  });

  it('uses only letters and digits that are not mistaken for others, and differs every time', () => {
    const ids = new Set(Array.from({ length: 2000 }, newRequestId));
    expect(ids.size).to.equal(2000);
    for (const id of ids) expect(id).to.match(REQUEST_ID_PATTERN).and.not.match(/[01ILOUV]/);
  });
});
