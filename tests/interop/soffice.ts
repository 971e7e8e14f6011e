// LibreOffice headless as an independent spreadsheet engine. Each conversion gets a fresh
// profile that tells Calc to recalculate every formula on load (OFFICE-JS.md: by default it
// keeps cached results, even wrong ones).
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";

export function sofficePath(): string | undefined {
  for (const name of ["soffice", "libreoffice"]) {
    const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Converts a file with LibreOffice ("xlsx" or "pdf") into outDir; returns the new file's path. */
export async function convert(
  soffice: string,
  file: string,
  format: "xlsx" | "pdf",
  outDir: string,
): Promise<string> {
  const profile = path.join(outDir, `profile-${process.pid}-${Date.now()}`);
  await fs.mkdir(path.join(profile, "user"), { recursive: true });
  await fs.writeFile(path.join(profile, "user", "registrymodifications.xcu"), RECALC_PROFILE);
  const r = spawnSync(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      file,
    ],
    { encoding: "utf8", timeout: 120_000 },
  );
  const out = path.join(outDir, `${path.basename(file, path.extname(file))}.${format}`);
  const ok = await fs
    .stat(out)
    .then(() => true)
    .catch(() => false);
  if (r.status !== 0 || !ok) throw new Error(`soffice failed (${r.status}): ${r.stderr}\n${r.stdout}`);
  await fs.rm(profile, { recursive: true, force: true });
  return out;
}
