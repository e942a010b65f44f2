/** The worker thread that reads dossier files (see ./parse-dossier-file.ts and ../shared/off-thread.ts). */
import { serveOffThread } from '../shared/off-thread.ts';
import { parseDossierFile } from './parse-dossier-file.ts';

serveOffThread(parseDossierFile);
