import { expect } from 'chai';
import { telHref } from '../../gateway/school/contact-view.ts';
import { contactView } from '../../gateway/routes/parent/view-models/contact-display.ts';

describe('tel: links (one builder for the school contact and a guardian contact)', () => {
  it('keeps only digits and a leading + for the school phone', () => {
    expect(telHref('+31 (0)20 - 123 45 67')).to.equal('+310201234567');
  });
  it('a guardian phone contact uses the same digits behind tel:', () => {
    const view = contactView({ kind: 'phone', value: '06-12 34 56 78' } as never);
    expect(view.href).to.equal(`tel:${telHref('06-12 34 56 78')}`);
    expect(view.href).to.equal('tel:0612345678');
  });
});
