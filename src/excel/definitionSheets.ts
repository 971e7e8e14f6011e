// The task pane's definition sheets in Excel: list and read them, write a new one, build the
// centre sheets from one (optionally as next year's, carrying last year's Resultat into
// Grundlag) and select a problem's cell. Office calls only; the rules are in src/definition/.
import type { Contract } from "../contracts/model";
import { rowsFor } from "../contracts/resolve";
import { carryFromLastYear } from "../definition/carryFromLastYear";
import { copyToNextYear } from "../definition/nextYear";
import { planDefinitionSheet, planEmptyDefinitionSheet } from "../definition/planDefinitionSheet";
import { problemText } from "../definition/problems";
import {
  isDefinitionGrid,
  readDefinitionSheet,
  type DefinitionReading,
} from "../definition/readDefinitionSheet";
import { DEFINITION_MARKER, DEFINITION_PREFIX } from "../definition/layout";
import type { SheetGrid } from "../sheets/grid";
import { COL, META_SHEET } from "../sheets/layout";
import { readMeta } from "../sheets/meta";
import { PlanError, placeCentres, planWorkbook } from "../sheets/planWorkbook";
import { readWorkbook } from "../sheets/readWorkbook";
import type {
  BuildProgress,
  BuildResult,
  DefinitionBuild,
  DefinitionSheet,
  NewDefinitionSource,
} from "../host/workbookHost";
import { applyPlan, type ExistingSheet } from "./applyPlan";
import type { Capabilities } from "./env";
import { ExcelShellError, type Doing } from "./errors";
import { queueGrids } from "./readGrids";

export interface DefinitionDeps {
  run<T>(doing: Doing, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  writing<T>(work: () => Promise<T>): Promise<T>;
  caps(): Capabilities;
  builtins(): Contract[];
  now(): string;
  budgetBytes?: number;
  /** The ordinary build of a contract the host now knows (see `remember`). */
  build(
    contractIds: string[],
    options: { update: boolean },
    onProgress?: (p: BuildProgress) => void,
  ): Promise<BuildResult>;
  /** Makes a contract read from a definition sheet buildable by id. */
  remember(contract: Contract): void;
}

interface Listed {
  name: string;
  visibility: string;
}

/** Sync 1: the sheets and each one's A1; sync 2: the used ranges of the definition sheets. */
async function readDefinitionGrids(
  context: Excel.RequestContext,
  only?: string,
): Promise<{ grids: SheetGrid[]; sheets: Listed[] }> {
  const list = context.workbook.worksheets.load("items/name,items/visibility");
  await context.sync();
  const sheets = list.items.map((s) => ({ name: s.name, visibility: String(s.visibility) }));
  const candidates = sheets.filter((s) => (only ? s.name.toLowerCase() === only.toLowerCase() : true));
  const a1s = candidates.map((s) => ({
    s,
    a1: context.workbook.worksheets.getItem(s.name).getRange("A1").load("values"),
  }));
  await context.sync();
  const wanted = a1s
    .filter(
      ({ s, a1 }) =>
        String(a1.values?.[0]?.[0] ?? "").trim() === DEFINITION_MARKER ||
        s.name.startsWith(DEFINITION_PREFIX),
    )
    .map(({ s }) => ({ sheet: s.name }));
  if (wanted.length === 0) return { grids: [], sheets };
  const collect = queueGrids(context, wanted);
  await context.sync();
  return { grids: collect().filter(isDefinitionGrid), sheets };
}

function choice(c: Contract) {
  return {
    id: c.id,
    title: c.title,
    year: c.year,
    centres: c.centres.map((x) => ({ code: x.code, name: x.name })),
  };
}

function fail(message: string): never {
  throw new ExcelShellError(message);
}

export function definitionMethods(deps: DefinitionDeps) {
  async function readOne(sheet: string): Promise<DefinitionReading> {
    const { grids } = await deps.run("read", (context) => readDefinitionGrids(context, sheet));
    const grid =
      grids[0] ?? fail(`Arket "${sheet}" er ikke et definitionsark (A1 skal være «${DEFINITION_MARKER}»).`);
    return readDefinitionSheet(grid);
  }

  return {
    async definitions(): Promise<DefinitionSheet[]> {
      const { grids } = await deps.run("read", (context) => readDefinitionGrids(context));
      return grids.map((grid) => {
        const read = readDefinitionSheet(grid);
        return read.ok
          ? { sheet: grid.name, contract: choice(read.contract), problems: [] }
          : { sheet: grid.name, problems: read.problems };
      });
    },

    async newDefinition(source: NewDefinitionSource): Promise<string> {
      let contract: Contract | undefined;
      if (source.kind === "builtin") {
        contract =
          deps.builtins().find((c) => c.id === source.id) ?? fail(`Kontrakten "${source.id}" findes ikke.`);
      } else if (source.kind === "nextYear") {
        const read = await readOne(source.sheet);
        if (!read.ok)
          fail(
            `Definitionen i "${source.sheet}" har problemer; ret dem, før den kopieres: ${problemText(read.problems[0]!)}`,
          );
        contract = copyToNextYear(read.contract);
      }
      return deps.writing(() =>
        deps.run("write", async (context) => {
          const list = context.workbook.worksheets.load("items/name,items/visibility");
          const names = context.workbook.names.load("items/name");
          await context.sync();
          const taken = list.items.map((s) => s.name);
          const plan = contract
            ? planDefinitionSheet(contract, { takenNames: taken })
            : planEmptyDefinitionSheet(source.kind === "empty" ? source.year : new Date().getFullYear(), {
                takenNames: taken,
              });
          const existing = new Map<string, ExistingSheet>(
            list.items.map((s) => [
              s.name.toLowerCase(),
              { name: s.name, visibility: String(s.visibility), protected: false },
            ]),
          );
          await applyPlan(
            context,
            { sheets: [plan], names: [] },
            {
              caps: deps.caps(),
              existing,
              existingNames: new Set(names.items.map((n) => n.name.toLowerCase())),
              budgetBytes: deps.budgetBytes,
              activate: plan.name,
            },
          );
          return plan.name;
        }),
      );
    },

    async buildDefinition(
      sheet: string,
      options: { update: boolean; carryFromLastYear: boolean },
      onProgress?: (p: BuildProgress) => void,
    ): Promise<DefinitionBuild> {
      const read = await readOne(sheet);
      if (!read.ok) return { kind: "problems", problems: read.problems };
      deps.remember(read.contract);
      if (!options.carryFromLastYear) {
        try {
          return {
            kind: "built",
            result: await deps.build([read.contract.id], { update: options.update }, onProgress),
          };
        } catch (error) {
          // Next year's centres are this year's: say how to build next year's contract instead.
          if (error instanceof PlanError)
            fail(
              `${error.message} Er det næste års kontrakt, så sæt flueben ved «Næste år: sidste års Resultat bliver Grundlag»: så giver sidste års kontrakt plads (gem først projektmappen under et nyt navn).`,
            );
          throw error;
        }
      }
      return nextYearBuild(deps, read.contract, onProgress);
    },

    async selectCell(sheet: string, address: string): Promise<void> {
      await deps.run("select", async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(address).select();
        await context.sync();
      });
    },
  };
}

/**
 * Next year's sheets in last year's workbook (saved under a new name): last year's figures are
 * read, the contract whose centres the new one takes over gives way, and each continuing change
 * goal gets last year's Resultat as its Grundlag. Nothing else of last year's figures is kept.
 */
async function nextYearBuild(
  deps: DefinitionDeps,
  next: Contract,
  onProgress?: (p: BuildProgress) => void,
): Promise<DefinitionBuild> {
  onProgress?.({ done: 0, total: 1, label: "Læser sidste års tal …" });
  return deps.writing(() =>
    deps.run("write", async (context) => {
      const list = context.workbook.worksheets.load("items/name,items/visibility");
      const names = context.workbook.names.load("items/name");
      const metaSheet = context.workbook.worksheets.getItemOrNullObject(META_SHEET);
      await context.sync();
      if (metaSheet.isNullObject)
        fail(
          "Projektmappen har ingen kontraktark fra sidste år at overføre fra. Byg uden «Overfør fra sidste år».",
        );
      const sheets = list.items.map((s) => ({ name: s.name, visibility: String(s.visibility) }));
      const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
      const collectMeta = queueGrids(context, [{ sheet: META_SHEET }]);
      await context.sync();
      const meta = readMeta(collectMeta()[0]!.values);
      const present = meta.sheets.filter((s) => byName.has(s.sheet.toLowerCase()));
      const collect = queueGrids(
        context,
        present.map((s) => ({
          sheet: byName.get(s.sheet.toLowerCase())!.name,
          columns: [COL.id, COL.grundlag, COL.resultat, COL.comment],
        })),
      );
      // Every sheet the plan may rewrite (centre sheets, Oversigt, the lists sheet) is unprotected
      // before it is cleared, so each one's protection is read.
      const protections = sheets.map((s) => ({
        name: s.name.toLowerCase(),
        p: context.workbook.worksheets.getItem(s.name).protection.load("protected"),
      }));
      await context.sync();
      const grids = collect().map((g) => ({
        ...g,
        name: present.find((s) => s.sheet.toLowerCase() === g.name.toLowerCase())?.sheet ?? g.name,
      }));
      const last = readWorkbook([{ name: META_SHEET, values: collectMeta()[0]!.values }, ...grids]);

      const nextCodes = new Set(next.centres.map((c) => c.code.toLowerCase()));
      const kept = meta.contracts.filter(
        (c) => c.id !== next.id && !c.centres.some((x) => nextCodes.has(x.code.toLowerCase())),
      );
      const keptCentres = meta.sheets
        .filter((s) => kept.some((c) => c.id === s.contractId) && byName.has(s.sheet.toLowerCase()))
        .map((s) => s.centre);
      const contracts = [...kept, next];
      const centres = [...keptCentres, ...next.centres.map((c) => c.code)];
      const plan = planWorkbook(contracts, { centres, generatedAt: deps.now(), trips: [] });
      const carry = carryFromLastYear(
        plan,
        placeCentres([next]).map((p) => ({
          sheet: p.sheet,
          centre: p.centre,
          rows: rowsFor(next, p.centre),
        })),
        last,
      );
      const existing = new Map<string, ExistingSheet>(
        sheets.map((s) => [
          s.name.toLowerCase(),
          {
            name: s.name,
            visibility: s.visibility,
            protected: protections.find((x) => x.name === s.name.toLowerCase())?.p.protected ?? false,
          },
        ]),
      );
      const written = plan.sheets.filter((s) => s.role === "centre" && nextCodes.has(s.name.toLowerCase()));
      const applied = await applyPlan(context, plan, {
        caps: deps.caps(),
        existing,
        existingNames: new Set(names.items.map((n) => n.name.toLowerCase())),
        only: (s) => s.role !== "centre" || nextCodes.has(s.name.toLowerCase()),
        budgetBytes: deps.budgetBytes,
        activate: written[0]?.name,
        onBatch: (done, total) =>
          onProgress?.({
            done,
            total,
            label: `Skriver ${written.length} centerark (del ${done} af ${total})`,
          }),
      });
      onProgress?.({ done: 1, total: 1, label: "Færdig" });
      return {
        kind: "built" as const,
        result: {
          created: written.filter((s) => !byName.has(s.name.toLowerCase())).map((s) => s.name),
          updated: written.filter((s) => byName.has(s.name.toLowerCase())).map((s) => s.name),
          keptValues: carry.carried.length,
          skipped: applied.skipped,
        },
        carry,
      };
    }),
  );
}
