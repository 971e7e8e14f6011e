// A synthetic contract of any size, for sync-count tests and the bench: every target kind in
// turn, every goal for every centre.
import type { Contract, Goal, Target } from "../../src/contracts/model";

const AREAS = ["Beskæftigelsesindsatsen", "Kvalitet i servicen", "Personale og organisation", "Økonomi"];
import { parseContract } from "../../src/contracts/schema";

const TARGETS: Target[] = [
  { kind: "change", direction: "fall", atLeast: 0.1 },
  { kind: "shareMin", atLeast: 0.95 },
  { kind: "shareMax", atMost: 0.03 },
  { kind: "spendRange", min: 0.85, max: 1 },
  { kind: "countMin", atLeast: 30, unit: "unge" },
  { kind: "valueMax", atMost: 33, unit: "uger" },
  { kind: "yesNo" },
  { kind: "absoluteChange", direction: "fall", atLeast: 1, unit: "dage" },
];

export function syntheticContract(centres: number, goals: number, id = "syntetisk"): Contract {
  const codes = Array.from({ length: centres }, (_, i) => `C${String(i + 1).padStart(3, "0")}`);
  const list: Goal[] = Array.from({ length: goals }, (_, i) => ({
    id: `g${String(i + 1).padStart(2, "0")}`,
    text: `Mål nummer ${i + 1}: ledigheden i målgruppe ${i + 1} skal nedbringes, og sagsbehandlingen skal være rettidig`,
    area: AREAS[i % AREAS.length]!,
    section: "Fælles mål for alle centre",
    centres: codes,
    measure: { kind: "single", target: TARGETS[i % TARGETS.length]! },
  }));
  return parseContract(
    {
      id,
      title: `Syntetisk kontrakt med ${centres} centre og ${goals} mål`,
      year: 2007,
      centres: codes.map((code) => ({ code, name: `Center ${code}` })),
      goals: list,
    },
    `${id}.json`,
  );
}
