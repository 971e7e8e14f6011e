// `npm run bench`: timings, sync counts and sizes, written to bench/results.json.
// Speed is measured here, never asserted in timed tests.
import { readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { benchCli } from "./cli";
import { benchExcel } from "./excel";
import { benchHostile } from "./hostile";

async function main(): Promise<void> {
  const results: Record<string, unknown> = {};
  results.cli = await benchCli();
  results.excel = await benchExcel();
  results.hostile = await benchHostile();
  const bundle = path.join(__dirname, "bundle-size.json");
  try {
    results.bundle = JSON.parse(readFileSync(bundle, "utf8"));
  } catch {
    results.bundle = "run `npm run build && npm run size` first";
  }
  results.machine = { node: process.version, cpus: cpus().length, at: new Date().toISOString() };
  writeFileSync(path.join(__dirname, "results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log(JSON.stringify(results, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
