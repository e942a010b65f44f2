import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The file-system calls a durable write makes; the store takes another set in tests to make a
 * disk that is full or read-only without one.
 */
export interface DurableFs {
  open: typeof open;
  rename: typeof rename;
  unlink: typeof unlink;
}

export const nodeFs: DurableFs = { open, rename, unlink };

/** Temp files this module leaves behind only when a process dies mid-write. */
const DATA_TEMP_FILE = /^\..+\.json\.\d+\.[0-9a-f]+\.tmp$/;

/**
 * Replaces `file` with `content` so that after a crash at any moment the file holds either the old
 * or the new content, never a mix: a temp file in the same directory, written and fsynced, renamed
 * over the target (atomic on POSIX), and the directory fsynced so the rename itself survives.
 * `content` may come in chunks (kind-file-chunks.ts); the target is replaced only once all of it is
 * written and synced. Resolves with the size written, in bytes.
 */
export async function writeFileDurable(
  file: string, content: string | AsyncIterable<string | Uint8Array>, mode = 0o600, fs: DurableFs = nodeFs,
): Promise<number> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', mode);
  let bytes: number;
  try {
    try {
      await writeAll(handle, content);
      // The umask may have narrowed the mode; chmod makes it exactly what we ask.
      await handle.chmod(mode);
      await handle.sync();
      ({ size: bytes } = await handle.stat());
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (err) {
    await fs.unlink(temp).catch(() => {});
    throw err;
  }
  await fsyncDir(dirname(file), fs);
  return bytes;
}

/** Pieces are gathered up to this size for one writev: a write per small piece costs more than the copy. */
const BATCH_BYTES = 1024 * 1024;
/** No more buffers per writev than any platform takes (IOV_MAX is 1024 on Linux and macOS). */
const BATCH_BUFFERS = 1024;

async function writeAll(handle: FileHandle, content: string | AsyncIterable<string | Uint8Array>): Promise<void> {
  if (typeof content === 'string') {
    await handle.writeFile(content, 'utf8');
    return;
  }
  let batch: Uint8Array[] = [];
  let size = 0;
  for await (const piece of content) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    batch.push(bytes);
    size += bytes.byteLength;
    if (size >= BATCH_BYTES || batch.length >= BATCH_BUFFERS) {
      await writevAll(handle, batch, size);
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) await writevAll(handle, batch, size);
}

async function writevAll(handle: FileHandle, buffers: Uint8Array[], size: number): Promise<void> {
  let { bytesWritten } = await handle.writev(buffers);
  // A file takes it all at once in practice; after a short write, the rest goes on from there.
  while (bytesWritten < size) {
    const rest = Buffer.concat(buffers).subarray(bytesWritten);
    bytesWritten += (await handle.write(rest)).bytesWritten;
  }
}

export async function fsyncDir(dir: string, fs: Pick<DurableFs, 'open'> = nodeFs): Promise<void> {
  let handle;
  try {
    handle = await fs.open(dir, 'r');
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
