// The table of target kinds: every kind has its entry, and the definition sheet's "Måltype"
// labels name each kind and direction once, both ways.
import { choiceOfLabel, KIND_LABELS, KINDS, labelOf } from "../../src/contracts/kinds";
import type { Target } from "../../src/contracts/model";

it("has the Danish Måltype labels agreed for the definition sheet, each once", () => {
  expect([...KIND_LABELS].sort()).toEqual(
    [
      "Fald i %",
      "Stigning i %",
      "Fald i procentpoint",
      "Stigning i procentpoint",
      "Fald i enheder",
      "Stigning i enheder",
      "Andel mindst",
      "Andel højst",
      "Forbrug mellem",
      "Antal mindst",
      "Værdi mindst",
      "Værdi højst",
      "Ja/Nej",
    ].sort(),
  );
  expect(Object.keys(KINDS)).toHaveLength(10);
});

it.each<[Target, string]>([
  [{ kind: "change", direction: "fall", atLeast: 0.1 }, "Fald i %"],
  [{ kind: "change", direction: "rise", atLeast: 0.1 }, "Stigning i %"],
  [{ kind: "pointChange", direction: "rise", atLeast: 0.07 }, "Stigning i procentpoint"],
  [{ kind: "absoluteChange", direction: "fall", atLeast: 1, unit: "dage" }, "Fald i enheder"],
  [{ kind: "shareMin", atLeast: 0.7, provisionalUpTo: 0.75 }, "Andel mindst"],
  [{ kind: "countMin", atLeast: 838, decimals: true }, "Antal mindst"],
  [{ kind: "valueMin", atLeast: 4 }, "Værdi mindst"],
  [{ kind: "yesNo" }, "Ja/Nej"],
])("%j is '%s', and the label gives the kind and direction back", (target, label) => {
  expect(labelOf(target)).toBe(label);
  const choice = choiceOfLabel(` ${label.toUpperCase()} `)!;
  expect(choice.kind).toBe(target.kind);
  for (const [key, value] of Object.entries(choice.variant))
    expect((target as unknown as Record<string, unknown>)[key]).toBe(value);
});

it("knows no label it was not given", () => {
  expect(choiceOfLabel("Fald i promille")).toBeUndefined();
});
