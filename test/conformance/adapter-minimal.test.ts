// The authoring guide's example adapter stays conformant.
import minimal from '../fixtures/adapters/minimal/index.ts';
import { runConformance } from '../../adapters/contract/conformance/index.ts';

runConformance({ describe, it, before, after }, { module: minimal, config: {}, fixtures: { departedStudentIds: ['p-3'] } });
