// An independent engine opens what import writes: LibreOffice loads the master with the figures
// patched in and the Log sheet added, recalculates, and shows the statuses the figures give.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { run, tempDir } from "../cli/run";
import { convert, sofficePath } from "../interop/soffice";
import { cellOf, editWithOpenpyxl, gridsOfFile, openpyxlProblem } from "./helpers";

const soffice = sofficePath();
const problem = openpyxlProblem() ?? (soffice ? undefined : "LibreOffice (soffice) is not installed");
if (problem) console.warn(`\n!!! LIBREOFFICE IMPORT TEST SKIPPED: ${problem}.\n`);
const describeIfTools = problem ? describe.skip : describe;

describeIfTools("a master written by import, opened by LibreOffice", () => {
  it("keeps its sheets, recalculates the statuses from the imported figures and shows the Log", async () => {
    const dir = await tempDir("lo-import");
    const master = path.join(dir, "kontrakter.xlsx");
    expect((await run(["build", "--contract", "beskaeftigelsescentre-2007", "--out", master])).code).toBe(0);
    expect(
      (await run(["export", master, "--dir", path.join(dir, "ud"), "--centre", "CKB", "--out", master])).code,
    ).toBe(0);
    const back = path.join(dir, "retur.xlsx");
    await editWithOpenpyxl(
      [
        {
          in: path.join(dir, "ud", "beskaeftigelsescentre-2007_CKB_2007.xlsx"),
          out: back,
          ops: [
            { op: "set", sheet: "CKB", cell: "H8", value: 100 },
            { op: "set", sheet: "CKB", cell: "I8", value: 65 },
            { op: "set", sheet: "CKB", cell: "H9", value: 100 },
            { op: "set", sheet: "CKB", cell: "I9", value: 40 },
          ],
        },
      ],
      dir,
    );
    const merged = path.join(dir, "samlet.xlsx");
    expect((await run(["import", master, back, "--out", merged])).code).toBe(0);

    const outDir = path.join(dir, "lo");
    await fs.mkdir(outDir);
    const recalculated = await convert(soffice!, merged, "xlsx", outDir);
    const grids = await gridsOfFile(recalculated);
    expect(grids.map((g) => g.name)).toEqual(["Oversigt", "CKB", "CAB", "CBSI", "Lister", "RK_Data", "Log"]);
    expect([cellOf(grids, "CKB", "K8"), cellOf(grids, "CKB", "K9"), cellOf(grids, "CKB", "K10")]).toEqual([
      "Opfyldt",
      "Ikke opfyldt",
      "Mangler data",
    ]);
    const log = grids.find((g) => g.name === "Log")!.values;
    expect(log.map((r) => r.slice(2))).toEqual([
      ["Center", "Mål-ID", "Felt", "Gammel værdi", "Ny værdi"],
      ["CKB", "bc-b01", "Grundlag", null, 100],
      ["CKB", "bc-b01", "Resultat", null, 65],
      ["CKB", "bc-b02", "Grundlag", null, 100],
      ["CKB", "bc-b02", "Resultat", null, 40],
    ]);
    const sent = grids.find((g) => g.name === "Oversigt")!.values.find((r) => r[0] === "Indsendt")!;
    expect(sent[2]).toMatch(/^Sendt \d\d\.\d\d\.\d{4}; retur \d\d\.\d\d\.\d{4}$/);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
