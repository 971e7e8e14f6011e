// Writes a file so that readers see the old file or the new one, never half of one: the bytes go
// to a temporary file in the same folder (same file system, so rename is atomic), then rename.
// A file written in place keeps what the economist set up around it: through a symlink (a master
// on a share) the real file is replaced, not the link; its permissions and group are carried over,
// so a 0660 master shared with a group does not become a world-readable file of another group.
import { randomBytes } from "node:crypto";
import { promises as fs, type Stats } from "node:fs";
import * as path from "node:path";

export async function atomicWrite(file: string, data: Buffer | string): Promise<void> {
  const target = await fs.realpath(file).catch(() => path.resolve(file));
  const before = await fs.stat(target).catch(() => undefined);
  const dir = path.dirname(target);
  const tmp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    const handle = await fs.open(tmp, "wx", before ? before.mode & 0o7777 : 0o666);
    try {
      if (before) await keepOwnership(handle, before);
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

async function keepOwnership(handle: fs.FileHandle, before: Stats): Promise<void> {
  // The mode given to open() is narrowed by the umask; set it exactly.
  await handle.chmod(before.mode & 0o7777);
  // Only root may give a file away; anyone may set a group they belong to. Both are best effort.
  await handle
    .chown(before.uid, before.gid)
    .catch(() => handle.chown(process.getuid?.() ?? before.uid, before.gid))
    .catch(() => undefined);
  await handle.chmod(before.mode & 0o7777);
}
