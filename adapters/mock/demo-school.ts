/** The fictional school the mock SIS serves; its name and BRIN code belong to no real school. */
export const DEMO_SCHOOL = Object.freeze({
  name: 'De Bron',
  brin: '99ZZ',
  city: 'Bronsveld',
});

export type DemoSchool = typeof DEMO_SCHOOL;
