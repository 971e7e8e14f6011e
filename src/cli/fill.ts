// kontrakt fill: enters many figures at once from a CSV file, by goal id.
import * as path from "node:path";
import { deflateStored } from "../xlsx/deflateStored";
import { patchCells } from "../xlsx/patchCells";
import { STORED_ZIP } from "../xlsx/zipOptions";
import { expectPositionals, parse, type Command, type Io } from "./args";
import { decodeUtf8 } from "./csv";
import { EXIT_OK } from "./errors";
import { figuresToPatches } from "./figures";
import { assertOutSeparate, INPUT_LIMITS, isSameFile, readInput, requireXlsxOut, writeOutput } from "./files";
import { assertUnchanged, sha256, withWriteLock } from "./masterLock";
import { openContractWorkbook } from "./workbook";

const HELP = `Brug: kontrakt fill PROJEKTMAPPE.xlsx TAL.csv --out FIL.xlsx

Indsætter tal fra en CSV-fil i projektmappen – efter mål-id, ikke efter rækkenummer.
Den oprindelige projektmappe ændres ikke (medmindre --out peger på den).

CSV-filen har en overskriftslinje (store/små bogstaver er ligegyldige):
  center       centerkode eller arkets navn, fx Nyropsgade eller CKB
  mål          mål-id, fx jc-b04 (et mål med dele: fx bc-p07.moeder)
  grundlag     fx basisårets tal, antal i alt eller budgettet
  resultat     fx kontraktårets tal, antallet, andelen (95 %) eller Ja/Nej
  bemærkning   valgfri tekst
Skilletegn findes af sig selv:
  ;  tal skrives på dansk: 1.000 og 12,5
  ,  tal skrives på engelsk: 1,000 og 12.5
  tabulator  begge dele, men tvetydige tal som 1.500 afvises
Filen skal være UTF-8 (med eller uden BOM). Et tomt felt lader cellen være.
Er blot én linje forkert, skrives ingen fil, og hver fejl vises med linje og kolonne.

Tilvalg:
  --out FIL.xlsx  Hvor den udfyldte projektmappe gemmes (påkrævet).
  -h, --help      Denne hjælp.
`;

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("fill", argv, { out: { type: "string", short: "o" } });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const [workbookFile, figuresFile] = expectPositionals("fill", positionals, [
    "PROJEKTMAPPE.xlsx",
    "TAL.csv",
  ]);
  const out = requireXlsxOut(values.out, "fill");
  await assertOutSeparate(out, [{ file: figuresFile!, what: "CSV-filen med tallene" }]);
  const figures = await withWriteLock(out, async () => {
    const workbook = await openContractWorkbook(workbookFile!);
    const readHash = sha256(workbook.buffer);
    const text = decodeUtf8(await readInput(figuresFile!, INPUT_LIMITS.csv), path.basename(figuresFile!));
    const figures = figuresToPatches(text, path.basename(figuresFile!), workbook.state);
    const patched = deflateStored(
      await patchCells(workbook.buffer, figures.patches, {
        changed: STORED_ZIP,
        readPart: workbook.readPart,
      }),
    );
    if (await isSameFile(out, workbookFile!)) await assertUnchanged(out, readHash);
    await writeOutput(out, patched);
    return figures;
  });
  const sep = figures.separator === "\t" ? "tabulator" : `"${figures.separator}"`;
  const style =
    figures.style === "da"
      ? "danske tal"
      : figures.style === "en"
        ? "engelske tal"
        : "danske eller engelske tal";
  io.out(
    `Skrev ${path.basename(out)}: ${figures.patches.length} ${figures.patches.length === 1 ? "værdi" : "værdier"} fra ${figures.lines} ${figures.lines === 1 ? "linje" : "linjer"} (skilletegn ${sep}, ${style}) for ${figures.centres.size} ${figures.centres.size === 1 ? "center" : "centre"}.\n`,
  );
  return EXIT_OK;
}

export const fillCommand: Command = {
  name: "fill",
  summary: "Indsæt mange tal på én gang fra en CSV-fil",
  help: HELP,
  run,
};
