// The JSON schema of a contract file, so a next year's contract can come from a file without code.
import { z } from "zod";
import type { Contract } from "./model";

const fraction = z.number().min(0).max(1);
const unit = z.string().min(1);
const baseline = z.strictObject({
  label: z.string().min(1),
  grundlag: z.string().min(1),
  resultat: z.string().min(1),
});

const countMin = z
  .strictObject({
    kind: z.literal("countMin"),
    atLeast: z.number().min(0),
    unit: z.string().optional(),
    decimals: z.literal(true).optional(),
  })
  .refine((t) => t.decimals || Number.isInteger(t.atLeast), {
    message: "et antal skal være et helt tal (eller have decimals: true)",
    path: ["atLeast"],
  });

const target = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("change"),
    direction: z.enum(["fall", "rise"]),
    atLeast: z.number().positive(),
    baseline: baseline.optional(),
  }),
  z.strictObject({
    kind: z.literal("pointChange"),
    direction: z.enum(["fall", "rise"]),
    atLeast: z.number().positive().max(1),
    baseline: baseline.optional(),
  }),
  z.strictObject({
    kind: z.literal("absoluteChange"),
    direction: z.enum(["fall", "rise"]),
    atLeast: z.number().positive(),
    unit,
  }),
  z.strictObject({
    kind: z.literal("shareMin"),
    atLeast: fraction,
    provisionalUpTo: fraction.optional(),
  }),
  z.strictObject({ kind: z.literal("shareMax"), atMost: fraction, from: fraction.optional() }),
  z
    .strictObject({ kind: z.literal("spendRange"), min: z.number().min(0), max: z.number().positive() })
    .refine((t) => t.min <= t.max, "min skal være mindre end eller lig med max"),
  countMin,
  z.strictObject({ kind: z.literal("valueMin"), atLeast: z.number().min(0), unit: unit.optional() }),
  z.strictObject({ kind: z.literal("valueMax"), atMost: z.number().min(0), unit }),
  z.strictObject({
    kind: z.literal("yesNo"),
    deadline: z.strictObject({ text: z.string().min(1), date: z.iso.date() }).optional(),
  }),
]);

const measure = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("single"),
    target: target.optional(),
    perCentre: z.record(z.string(), target).optional(),
    joint: countMin.optional(),
  }),
  z.strictObject({
    kind: z.literal("parts"),
    parts: z
      .array(z.strictObject({ key: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1), target }))
      .min(2),
  }),
]);

const goal = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "id må kun have små bogstaver, tal, punktum og bindestreg"),
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
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    year: z.number().int().min(2000).max(2100),
    baseYear: z.number().int().min(1990).max(2100).optional(),
    caseNumber: z.string().optional(),
    documentNumber: z.string().optional(),
    centres: z.array(z.strictObject({ code: z.string().min(1).max(31), name: z.string().min(1) })).min(1),
    goals: z.array(goal).min(1),
  })
  .superRefine((contract, ctx) => {
    for (const problem of consistencyProblems(contract)) ctx.addIssue({ code: "custom", message: problem });
  });

/** Rules a schema cannot say on its own: references to centres, unique ids, a target for each centre. */
function consistencyProblems(contract: z.infer<typeof contractSchema>): string[] {
  const problems: string[] = [];
  const codes = new Set(contract.centres.map((c) => c.code));
  const ids = new Set<string>();
  for (const g of contract.goals) {
    if (ids.has(g.id)) problems.push(`Mål-id "${g.id}" findes flere gange`);
    ids.add(g.id);
    const named = [...g.centres, ...(g.excluded ?? [])];
    if (g.measure.kind === "single") named.push(...Object.keys(g.measure.perCentre ?? {}));
    for (const code of named) {
      if (!codes.has(code)) problems.push(`Mål "${g.id}" nævner et ukendt center "${code}"`);
    }
    const applicable = g.centres.filter((c) => !(g.excluded ?? []).includes(c));
    if (applicable.length === 0) problems.push(`Mål "${g.id}" gælder ingen centre`);
    if (g.measure.kind === "single") {
      const m = g.measure;
      for (const code of applicable) {
        if (!m.target && !m.perCentre?.[code] && !m.joint) {
          problems.push(`Mål "${g.id}" har intet krav for ${code}`);
        }
      }
      for (const code of Object.keys(m.perCentre ?? {})) {
        if (!applicable.includes(code))
          problems.push(`Mål "${g.id}" har et krav for ${code}, som er undtaget`);
      }
      const ownTargets = applicable.map((c) => m.perCentre?.[c] ?? m.target).filter((t) => t);
      if (m.joint && ownTargets.some((t) => t?.kind !== "countMin")) {
        problems.push(`Mål "${g.id}": et fælles mål kan kun have antal som egne krav`);
      }
      if (m.joint && ownTargets.length > 0 && ownTargets.length < applicable.length) {
        problems.push(`Mål "${g.id}": et fælles mål skal have eget krav for alle centre eller for ingen`);
      }
    }
  }
  return problems;
}

export type ContractJson = z.input<typeof contractSchema>;

export class ContractFileError extends Error {}

/** Validates parsed JSON as a contract; throws ContractFileError with Danish reasons. */
export function parseContract(json: unknown, source = "kontrakten"): Contract {
  const result = contractSchema.safeParse(json);
  if (!result.success) {
    const reasons = result.error.issues
      .slice(0, 5)
      .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message));
    throw new ContractFileError(`${source} er ikke en gyldig kontrakt: ${reasons.join("; ")}`);
  }
  return result.data as Contract;
}
