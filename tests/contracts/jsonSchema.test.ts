// The checked-in JSON Schema is the one the zod schema gives today. To regenerate after a model
// change: UPDATE_SCHEMA=1 npx jest tests/contracts/jsonSchema
import * as fs from "fs";
import * as path from "path";
import { contractJsonSchema } from "../../src/contracts/jsonSchema";

const file = path.resolve(__dirname, "../../src/contracts/contract.schema.json");
const current = contractJsonSchema();

it("src/contracts/contract.schema.json is current", () => {
  // Compared as data, so the file may be laid out by Prettier.
  if (process.env.UPDATE_SCHEMA) fs.writeFileSync(file, JSON.stringify(current, null, 2) + "\n");
  expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(current);
});

it("describes every target kind and the new fields", () => {
  const text = fs.readFileSync(file, "utf8");
  for (const kind of [
    "change",
    "pointChange",
    "absoluteChange",
    "shareMin",
    "shareMax",
    "spendRange",
    "countMin",
    "valueMin",
    "valueMax",
    "yesNo",
  ])
    expect(text).toContain(`"const": "${kind}"`);
  for (const field of ["baseYear", "note", "measured", "decimals", "$schema"])
    expect(text).toContain(`"${field}"`);
});

it("is referenced by the built-in contract files", () => {
  for (const name of ["jobcenter-kbh-2007.json", "beskaeftigelsescentre-2007.json"]) {
    const json = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, "../../src/contracts/data", name), "utf8"),
    );
    expect(json.$schema).toBe("../contract.schema.json");
  }
});
