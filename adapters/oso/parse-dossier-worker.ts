/** The worker thread that reads dossier files (see ./parse-dossier-file.ts and ../shared/off-thread.ts). */
import { serveOffThread } from '../shared/off-thread.ts';
import { parseDossierFile } from './parse-dossier-file.ts';

// A file of 1,500 dossiers comes back as 1,500 records.
serveOffThread(parseDossierFile, { sliced: ['records'] });
