/**
 * A real small file system for fault tests: a tmpfs of a few hundred KB (mount needs root; CI runs
 * as root), which a test fills up (ENOSPC) or remounts read-only (EROFS).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Tmpfs {
  dir: string;
  /** Writes a filler file until the disk is full. */
  fill(): Promise<void>;
  /** Removes the filler. */
  free(): Promise<void>;
  readOnly(): Promise<void>;
  readWrite(): Promise<void>;
  unmount(): Promise<void>;
}

export async function mountTmpfs(sizeKb: number): Promise<Tmpfs> {
  const dir = await mkdtemp(join(tmpdir(), 'ouderpoort-tmpfs-'));
  await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0700`, 'tmpfs', dir]);
  const filler = join(dir, 'filler.bin');
  return {
    dir,
    async fill() {
      // Ask for more than the whole disk: the write stops at ENOSPC with the disk full.
      await writeFile(filler, Buffer.alloc(sizeKb * 1024 + 4096)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOSPC') throw err;
      });
    },
    free: () => unlink(filler),
    readOnly: async () => void (await run('mount', ['-o', 'remount,ro', dir])),
    readWrite: async () => void (await run('mount', ['-o', 'remount,rw', dir])),
    async unmount() {
      await run('umount', [dir]).catch(() => run('umount', ['-l', dir]));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
