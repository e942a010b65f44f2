/**
 * Watching the dossier folder. A change only marks the data stale; the next call re-reads the
 * changed files. That coalesces a burst of events (a copy emits many) into one re-read, with no
 * timer to leak. Network shares often send no events at all: pollMs is the safety net.
 */
import { watch } from 'node:fs';

export interface FolderWatcher {
  close(): void;
}

/** Starts watching `dir`; throws when it cannot (e.g. the folder does not exist). Injectable for tests. */
export type WatchFolder = (dir: string, onChange: () => void, onError: (err: Error) => void) => FolderWatcher;

export const watchWithFs: WatchFolder = (dir, onChange, onError) => {
  // Not persistent: a watcher must never keep the gateway process alive on its own.
  const watcher = watch(dir, { persistent: false }, () => onChange());
  watcher.on('error', onError);
  return watcher;
};
