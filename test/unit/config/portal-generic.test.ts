import { expect } from 'chai';
import { genericPortalText } from '../../../gateway/routes/parent/generic-portal-text.ts';
import { helpView } from '../../../gateway/routes/parent/view-models/help.ts';

describe('generic portal text (no `portal` in the config)', () => {
  it('is valid and renders a help view without a support moment', () => {
    const text = genericPortalText();
    expect(text.supportMoment).to.equal(undefined);
    const view = helpView(text, 'en', new Date('2026-12-01T12:00:00Z'), 'Europe/Amsterdam');
    expect(view.howItWorks.length).to.be.greaterThan(0);
    expect(view.resultsNote).to.match(/snapshot/);
    expect(view.supportMoment).to.equal(undefined);
  });
});
