import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temp files this module leaves behind only when a process dies mid-write. */
const DATA_TEMP_FILE = /^\..+\.json\.\d+\.[0-9a-f]+\.tmp$/;

/**
 * Replaces `file` with `text` so that after a crash at any moment the file holds either the old
 * or the new content, never a mix: a temp file in the same directory, written and fsynced, renamed
 * over the target (atomic on POSIX), and the directory fsynced so the rename itself survives.
 */
export async function writeFileDurable(file: string, text: string, mode = 0o600): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(text, 'utf8');
      // The umask may have narrowed the mode; chmod makes it exactly what we ask.
      await handle.chmod(mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => {});
    throw err;
  }
  await fsyncDir(dirname(file));
}

export async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (err) {
    // Some platforms (Windows) cannot open or sync a directory; the rename is all we get there.
    if (!isErrno(err, 'EISDIR', 'EPERM', 'EINVAL', 'EACCES')) throw err;
  } finally {
    await handle?.close();
  }
}

/** The file's text, or undefined when it does not exist. */
export async function readFileIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if (isErrno(err, 'ENOENT')) return undefined;
    throw err;
  }
}

/** Removes temp files of interrupted writes; only safe while holding the directory's lock. */
export async function removeDataTempFiles(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir)) {
    if (!DATA_TEMP_FILE.test(name)) continue;
    await unlink(join(dir, name)).catch((err: unknown) => {
      if (!isErrno(err, 'ENOENT')) throw err;
    });
    removed.push(name);
  }
  return removed;
}

export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chmod(dir, 0o700);
}

export function isErrno(err: unknown, ...codes: string[]): boolean {
  return err instanceof Error && codes.includes((err as NodeJS.ErrnoException).code ?? '');
}
