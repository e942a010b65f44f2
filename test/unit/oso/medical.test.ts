/** OSO's only health data, `leerling/huisarts`, as the medical card's GP; nothing else invented. */
import { expect } from 'chai';
import { EXAMPLE_NOW, TempFolder, expectSisError, osoAdapter } from './support.ts';

const POPO_FULL = 'examples/Voorbeelddossier_OV_POPO_full.xml';
const PUPIL = 'LN094837';

describe('OSO adapter: the medical card', () => {
  const folders: TempFolder[] = [];
  after(() => folders.forEach((f) => f.remove()));
  const open = (fixture: string) => {
    const folder = new TempFolder(fixture);
    folders.push(folder);
    return osoAdapter({ dir: folder.dir }, EXAMPLE_NOW).adapter;
  };

  it('maps the huisarts of the example dossier to a GP care contact, with the lists OSO does not have left empty', async () => {
    const card = await open(POPO_FULL).getMedicalCard!(PUPIL);
    expect(card).to.deep.equal({
      studentId: PUPIL,
      medication: [],
      allergies: [],
      diet: [],
      careContacts: [{ id: `${PUPIL}-huisarts`, role: 'gp', name: 'Bernard van Zwieten', phone: '0793462626', secret: false }],
      remarks: [],
    });
  });

  it('answers an unknown pupil with SIS_NOT_FOUND', async () => {
    await expectSisError(open(POPO_FULL).getMedicalCard!('nobody'), 'SIS_NOT_FOUND');
  });
});
