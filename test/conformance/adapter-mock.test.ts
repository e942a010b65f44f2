import mockModule, { DEMO_DEPARTED_STUDENT_IDS } from '../../adapters/mock/index.ts';
import { runConformance } from '../../adapters/contract/conformance/index.ts';

const fixtures = { departedStudentIds: [...DEMO_DEPARTED_STUDENT_IDS] };

runConformance({ describe, it, before, after }, { module: mockModule, config: {}, fixtures });

// A partial source, as in a stack: only the narrowed capabilities are tested, the rest must be absent.
runConformance({ describe, it, before, after }, {
  module: mockModule,
  config: { capabilities: ['absences', 'results.lvs'], pupils: 40 },
  fixtures: { ...fixtures, studentIds: ['L1001', 'L1002', 'L1003'] },
});
