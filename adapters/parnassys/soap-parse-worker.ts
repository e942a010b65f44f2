/** The worker thread that parses web service answers (see ./soap-parse.ts and ../shared/off-thread.ts). */
import { serveOffThread } from '../shared/off-thread.ts';
import { parseAnswer } from './soap-parse.ts';

// The pupils and their addresses are most of a large school's answer.
serveOffThread(parseAnswer, { sliced: ['value.leerlingen', 'value.adressen'] });
