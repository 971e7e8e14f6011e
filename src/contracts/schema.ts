// The JSON schema of a contract file, so a next year's contract can come from a file without code.
import { z } from "zod";
import { KINDS } from "./kinds";
import { countMinSchema } from "./kinds/countMin";
import type { Contract } from "./model";
import { danishIssue } from "./schemaMessages";
import { sheetNameProblem } from "./sheetNames";

/** A target: one of the kinds' own schemas (contracts/kinds/), told apart by "kind". */
const target = z.discriminatedUnion(
  "kind",
  Object.values(KINDS).map((k) => k.schema) as unknown as [z.ZodObject, ...z.ZodObject[]],
);

const measure = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("single"),
    target: target.optional(),
    perCentre: z.record(z.string(), target).optional(),
    joint: countMinSchema.optional(),
  }),
  z.strictObject({
    kind: z.literal("parts"),
    parts: z
      .array(z.strictObject({ key: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1), target }))
      .min(2),
  }),
]);

const goal = z.strictObject({
  id: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]*$/,
      "Mål-ID må kun have små bogstaver, tal, punktum og bindestreg, fx bc-b01",
    ),
  text: z.string().min(1),
  area: z.string().min(1),
  group: z.string().min(1).optional(),
  section: z.string().min(1),
  note: z.string().min(1).optional(),
  measured: z
    .strictObject({ grundlag: z.string().min(1).optional(), resultat: z.string().min(1).optional() })
    .optional(),
  centres: z.array(z.string()).min(1),
  excluded: z.array(z.string()).optional(),
  measure,
});

export const contractSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, "id må kun have små bogstaver, tal og bindestreg, fx bc-2008"),
    title: z.string().min(1),
    year: z.number().int().min(2000).max(2100),
    baseYear: z.number().int().min(1990).max(2100).optional(),
    caseNumber: z.string().optional(),
    documentNumber: z.string().optional(),
    centres: z.array(z.strictObject({ code: z.string().min(1), name: z.string().min(1) })).min(1),
    goals: z.array(goal).min(1),
  })
  .superRefine((contract, ctx) => {
    for (const problem of consistencyProblems(contract))
      ctx.addIssue({ code: "custom", message: problem.message, path: problem.path });
  });

interface Problem {
  path: (string | number)[];
  message: string;
}

/** Rules a schema cannot say on its own: sheet names, references to centres, unique ids, a target for each centre. */
function consistencyProblems(contract: z.infer<typeof contractSchema>): Problem[] {
  const problems: Problem[] = [];
  const codes = new Set(contract.centres.map((c) => c.code));
  const seenCodes = new Set<string>();
  contract.centres.forEach((c, i) => {
    const path = ["centres", i, "code"];
    const problem = sheetNameProblem(c.code);
    if (problem)
      problems.push({ path, message: `centerkoden «${c.code}» bliver navnet på centrets ark og ${problem}` });
    if (seenCodes.has(c.code.toLowerCase()))
      problems.push({
        path,
        message: `centerkoden «${c.code}» findes flere gange (store og små bogstaver tæller ikke)`,
      });
    seenCodes.add(c.code.toLowerCase());
  });
  if (contract.baseYear !== undefined && contract.baseYear >= contract.year)
    problems.push({
      path: ["baseYear"],
      message: `basisåret ${contract.baseYear} skal ligge før kontraktåret ${contract.year}; udelad det for ${contract.year - 1}`,
    });
  const ids = new Set<string>();
  contract.goals.forEach((g, i) => {
    const at = (...rest: (string | number)[]) => ["goals", i, ...rest];
    if (ids.has(g.id)) problems.push({ path: at("id"), message: `Mål-ID «${g.id}» findes flere gange` });
    ids.add(g.id);
    const named = [...g.centres, ...(g.excluded ?? [])];
    if (g.measure.kind === "single") named.push(...Object.keys(g.measure.perCentre ?? {}));
    for (const code of new Set(named)) {
      if (!codes.has(code))
        problems.push({
          path: at("centres"),
          message: `nævner et ukendt center «${code}»; centrene er ${[...codes].join(", ")}`,
        });
    }
    const applicable = g.centres.filter((c) => !(g.excluded ?? []).includes(c));
    if (applicable.length === 0) problems.push({ path: at("excluded"), message: "gælder ingen centre" });
    if (g.measure.kind === "single") {
      const m = g.measure;
      for (const code of applicable) {
        if (!m.target && !m.perCentre?.[code] && !m.joint) {
          problems.push({ path: at("measure"), message: `har intet krav for ${code}` });
        }
      }
      for (const code of Object.keys(m.perCentre ?? {})) {
        if (!applicable.includes(code))
          problems.push({
            path: at("measure", "perCentre", code),
            message: `har et krav for ${code}, som er undtaget; fjern kravet eller undtagelsen`,
          });
      }
      const ownTargets = applicable.map((c) => m.perCentre?.[c] ?? m.target).filter((t) => t);
      if (m.joint && ownTargets.some((t) => t?.kind !== "countMin")) {
        problems.push({
          path: at("measure", "joint"),
          message: "et fælles mål kan kun have antal som egne krav",
        });
      }
      if (m.joint && ownTargets.length > 0 && ownTargets.length < applicable.length) {
        problems.push({
          path: at("measure", "joint"),
          message: "et fælles mål skal have eget krav for alle centre eller for ingen",
        });
      }
    }
  });
  return problems;
}

export type ContractJson = z.input<typeof contractSchema>;

export class ContractFileError extends Error {}

/** How many problems a refusal lists before it says how many more there are. */
const LISTED_PROBLEMS = 8;

/**
 * Validates parsed JSON as a contract; throws ContractFileError with Danish reasons that name the
 * goal, the centre and the field, and say what to write instead. A "$schema" reference (for
 * editors) is allowed and ignored.
 */
export function parseContract(json: unknown, source = "kontrakten"): Contract {
  const input = withoutSchemaReference(json);
  const result = contractSchema.safeParse(input);
  if (!result.success) {
    const reasons = result.error.issues.map((i) => danishIssue(i, input));
    const shown = reasons.slice(0, LISTED_PROBLEMS);
    const more = reasons.length > shown.length ? ` (og ${reasons.length - shown.length} fejl mere)` : "";
    throw new ContractFileError(`${source} er ikke en gyldig kontrakt: ${shown.join("; ")}${more}.`);
  }
  return result.data as Contract;
}

function withoutSchemaReference(json: unknown): unknown {
  if (json === null || typeof json !== "object" || Array.isArray(json) || !("$schema" in json)) return json;
  const { $schema: _reference, ...rest } = json as Record<string, unknown>;
  return rest;
}
