import { expect } from 'chai';
import { parseConversationForm } from '../../../gateway/conversations/form.ts';

describe('the conversation request form', () => {
  const today = '2027-03-01'; // a Monday

  it('accepts a topic and school-day moments, sorted, and normalises the topic\'s spaces', () => {
    const parsed = parseConversationForm({
      onderwerp: '  Lezen   en rekenen ', datum1: '2027-03-05', dagdeel1: 'after-school', datum2: '2027-03-02', dagdeel2: 'morning',
    }, today, 3);
    expect(parsed.ok).to.equal(true);
    if (!parsed.ok) return;
    expect(parsed.topic).to.equal('Lezen en rekenen');
    expect(parsed.moments).to.deep.equal([{ date: '2027-03-02', part: 'morning' }, { date: '2027-03-05', part: 'after-school' }]);
  });

  it('names each bad field: no topic, today, a weekend, beyond eight weeks, a missing part, a repeat', () => {
    const parsed = parseConversationForm({
      onderwerp: '', datum1: '2027-03-01', dagdeel1: 'morning', datum2: '2027-03-06', dagdeel2: 'morning',
      datum3: '2027-05-10', dagdeel3: 'morning', datum4: '2027-03-03', dagdeel4: '', datum5: '2027-03-02', dagdeel5: 'noon',
    }, today, 5);
    expect(parsed.ok).to.equal(false);
    if (parsed.ok) return;
    expect(parsed.errors).to.deep.equal({
      onderwerp: 'conversations.errors.topicMissing', datum1: 'conversations.errors.dateRange', datum2: 'conversations.errors.weekend',
      datum3: 'conversations.errors.dateRange', dagdeel4: 'conversations.errors.partMissing', dagdeel5: 'conversations.errors.partMissing',
    });
    expect(parsed.values.moments[1]).to.deep.equal({ date: '2027-03-06', part: 'morning' });
    const twice = parseConversationForm({ onderwerp: 'x', datum1: '2027-03-02', dagdeel1: 'morning', datum2: '2027-03-02', dagdeel2: 'morning' }, today, 2);
    expect(twice.ok === false && twice.errors.datum2).to.equal('conversations.errors.duplicate');
  });

  it('asks for at least one moment, and refuses a topic longer than 200 characters', () => {
    const none = parseConversationForm({ onderwerp: 'x'.repeat(201) }, today, 3);
    expect(none.ok === false && none.errors).to.deep.equal({ onderwerp: 'conversations.errors.topicTooLong', datum1: 'conversations.errors.noMoment' });
  });
});
