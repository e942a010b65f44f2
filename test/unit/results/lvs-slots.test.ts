import { expect } from 'chai';
import { lvsSlots } from '../../../gateway/results/lvs-slots.ts';
import { sparkline } from '../../../gateway/results/method-trend.ts';
import { lvs } from './fixtures.ts';

const shape = (slots: ReturnType<typeof lvsSlots>) => slots.map((s) => [s.schoolYear, s.moment ?? s.date, s.jaargroep, s.result?.vaardigheidsscore]);

describe('results: the time axis of a growth chart', () => {
  it('runs from the first result to the last, with an empty slot for a missed moment', () => {
    const slots = lvsSlots([
      lvs({ schoolYear: '2025-2026', moment: 'E', jaargroep: 4, score: 150 }),
      lvs({ schoolYear: '2026-2027', moment: 'E', jaargroep: 5, score: 170 }),
      lvs({ schoolYear: '2025-2026', moment: 'M', jaargroep: 4, score: 140 }),
    ]);
    expect(shape(slots)).to.deep.equal([
      ['2025-2026', 'M', 4, 140], ['2025-2026', 'E', 4, 150], ['2026-2027', 'M', 5, undefined], ['2026-2027', 'E', 5, 170],
    ]);
  });

  it('infers the group of an empty year only when the years around it agree', () => {
    const agree = lvsSlots([
      lvs({ schoolYear: '2022-2023', moment: 'M', jaargroep: 4, score: 1 }),
      lvs({ schoolYear: '2024-2025', moment: 'M', jaargroep: 6, score: 2 }),
    ]);
    expect(shape(agree)).to.deep.equal([['2022-2023', 'M', 4, 1], ['2023-2024', 'M', 5, undefined], ['2024-2025', 'M', 6, 2]]);
    const repeated = lvsSlots([
      lvs({ schoolYear: '2022-2023', moment: 'M', jaargroep: 4, score: 1 }),
      lvs({ schoolYear: '2024-2025', moment: 'M', jaargroep: 5, score: 2 }),
    ]);
    expect(repeated[1]?.jaargroep).to.equal(undefined);
  });

  it('plots the latest result of a moment that has two (a retake)', () => {
    const slots = lvsSlots([
      lvs({ schoolYear: '2025-2026', moment: 'M', jaargroep: 4, score: 130, date: '2026-01-20' }),
      lvs({ schoolYear: '2025-2026', moment: 'M', jaargroep: 4, score: 141, date: '2026-02-03' }),
    ]);
    expect(shape(slots)).to.deep.equal([['2025-2026', 'M', 4, 141]]);
  });

  it('places results without a moment by date, with no gaps it cannot know', () => {
    const slots = lvsSlots([
      lvs({ schoolYear: '2025-2026', jaargroep: 4, score: 150, date: '2026-03-02' }),
      lvs({ schoolYear: '2025-2026', jaargroep: 4, score: 140, date: '2025-11-12' }),
    ]);
    expect(shape(slots)).to.deep.equal([['2025-2026', '2025-11-12', 4, 140], ['2025-2026', '2026-03-02', 4, 150]]);
  });

  it('writes an empty year the way the results write theirs ("2025 / 2026")', () => {
    const slots = lvsSlots([
      lvs({ schoolYear: '2024 / 2025', moment: 'M', jaargroep: 4, score: 1 }),
      lvs({ schoolYear: '2026 / 2027', moment: 'M', jaargroep: 6, score: 2 }),
    ]);
    expect(slots.map((s) => s.schoolYear)).to.deep.equal(['2024 / 2025', '2025 / 2026', '2026 / 2027']);
  });
});

describe('results: the method test trend line', () => {
  it('draws numeric grades oldest to newest, and nothing for fewer than two or for words', () => {
    const line = sparkline([7.5, 6, 8]);
    expect(line?.points.map((p) => p.cx)).to.deep.equal([...(line?.points.map((p) => p.cx) ?? [])].sort((a, b) => a - b));
    // Newest (7.5) last; a higher grade sits higher.
    const [oldest, middle, newest] = line!.points;
    expect(oldest!.cy).to.be.lessThan(middle!.cy);
    expect(newest!.cy).to.be.lessThan(middle!.cy);
    expect(line!.d.startsWith('M')).to.equal(true);
    expect(sparkline([7])).to.equal(undefined);
    expect(sparkline(['goed', 'voldoende', undefined])).to.equal(undefined);
  });

  it('puts grades on the 1–10 scale, so a flat 6 does not look like a steep fall', () => {
    const low = sparkline([6, 6.5])!;
    const high = sparkline([9, 9.5])!;
    expect(high.points[0]!.cy).to.be.lessThan(low.points[0]!.cy);
  });
});
