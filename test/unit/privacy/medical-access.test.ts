import { expect } from 'chai';
import type { Guardian, MedicalCard } from '../../../adapters/contract/index.ts';
import { sectionAccess } from '../../../gateway/privacy/section-access.ts';
import { visibleMedicalCard } from '../../../gateway/privacy/visible-medical.ts';

const card: MedicalCard = {
  studentId: 'L1',
  medication: [{ id: 'm1', text: 'Puffer', detail: 'bij gym', secret: false }],
  allergies: [{ id: 'a1', text: 'Pinda', secret: false }],
  diet: [],
  careContacts: [{ id: 'c1', role: 'specialist', name: 'dr. Geheim', secret: true }],
  remarks: [{ id: 'r1', text: 'jeugd-GGZ', secret: true }],
};
const guardian = (livesWith: boolean): Guardian => ({
  id: 'V1', name: { given: 'A', family: 'B' }, contacts: [],
  children: [{ studentId: 'L1', relation: 'father', gezag: true, livesWith }],
});

describe('privacy: the medical card and gated sections', () => {
  it('shows secret entries only to a guardian the child lives with, and leaves no trace for the other', () => {
    const home = visibleMedicalCard({ guardianId: 'V1', scope: 'full' }, guardian(true), card);
    expect(home.remarks.map((r) => r.text)).to.deep.equal(['jeugd-GGZ']);
    expect(home.careContacts).to.have.length(1);
    const away = visibleMedicalCard({ guardianId: 'V1', scope: 'full' }, guardian(false), card);
    expect(away).to.deep.equal({
      medication: card.medication, allergies: card.allergies, diet: [], careContacts: [], remarks: [], empty: false,
    });
  });

  it('gives a limited viewer an empty card, even if asked directly', () => {
    expect(visibleMedicalCard({ guardianId: 'V1', scope: 'limited' }, guardian(true), card).empty).to.equal(true);
  });

  it('opens reports to a limited viewer only with a grant covering reports on that day; medical never', () => {
    const grant = { sections: ['reports', 'medical'], until: '2027-07-31', reason: 'r', grantedBy: 'op', grantedAt: '2027-01-01T00:00:00Z' };
    expect(sectionAccess({ scope: 'full' }, '2027-03-01')).to.deep.equal({ reports: true, medical: true });
    expect(sectionAccess({ scope: 'limited', grant }, '2027-07-31')).to.deep.equal({ reports: true, medical: false });
    expect(sectionAccess({ scope: 'limited', grant }, '2027-08-01')).to.deep.equal({ reports: false, medical: false });
    expect(sectionAccess({ scope: 'limited' }, '2027-03-01')).to.deep.equal({ reports: false, medical: false });
  });
});
