#!/usr/bin/env node
// Budget check for the production task pane: the JavaScript it must download before it is
// interactive (the entry's initial chunks, i.e. the <script> tags webpack put in taskpane.html;
// office.js from Microsoft's CDN is not ours and not counted) may be at most 90 KB gzipped.
// Lazy import() chunks are not counted: they load after the pane is up.
// Usage: npm run build && node scripts/bundle-size.js [distDir]
// Writes bench/bundle-size.json; exits 1 when over budget, 2 when there is no build.
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BUDGET_GZIP_BYTES = 90 * 1024;
const root = path.resolve(__dirname, "..");
const dist = path.resolve(process.argv[2] || path.join(root, "dist"));
const page = path.join(dist, "taskpane.html");

if (!fs.existsSync(page)) {
  console.error(`Fandt ikke ${path.relative(root, page)}: kør først "npm run build".`);
  process.exit(2);
}

const html = fs.readFileSync(page, "utf8");
// The page is minified: attribute values may be quoted or not.
const scripts = [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
  .map((m) => m[1] || m[2] || m[3])
  .filter((src) => !/^(https?:)?\/\//.test(src));

if (scripts.length === 0) {
  console.error("taskpane.html loads no local scripts: the build looks wrong.");
  process.exit(2);
}

const chunks = scripts.map((src) => {
  const file = path.join(dist, decodeURIComponent(src.replace(/^\.?\//, "").split("?")[0]));
  const bytes = fs.readFileSync(file);
  return {
    file: path.relative(dist, file),
    raw: bytes.length,
    // Level 9 is what static hosts and CDNs typically serve; close to the browser's transfer size.
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
  };
});

const total = chunks.reduce((sum, c) => ({ raw: sum.raw + c.raw, gzip: sum.gzip + c.gzip }), {
  raw: 0,
  gzip: 0,
});
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const width = Math.max(...chunks.map((c) => c.file.length), 5);

console.log(`${"chunk".padEnd(width)}  ${"raw".padStart(10)}  ${"gzip".padStart(10)}`);
for (const c of chunks)
  console.log(`${c.file.padEnd(width)}  ${kb(c.raw).padStart(10)}  ${kb(c.gzip).padStart(10)}`);
console.log(`${"total".padEnd(width)}  ${kb(total.raw).padStart(10)}  ${kb(total.gzip).padStart(10)}`);

const withinBudget = total.gzip <= BUDGET_GZIP_BYTES;
const report = {
  measuredAt: new Date().toISOString(),
  entry: "taskpane",
  budgetGzipBytes: BUDGET_GZIP_BYTES,
  chunks,
  totalRawBytes: total.raw,
  totalGzipBytes: total.gzip,
  withinBudget,
};
fs.mkdirSync(path.join(root, "bench"), { recursive: true });
fs.writeFileSync(path.join(root, "bench", "bundle-size.json"), JSON.stringify(report, null, 2) + "\n");

if (!withinBudget) {
  console.error(`Over budget: ${kb(total.gzip)} gzip > ${kb(BUDGET_GZIP_BYTES)}.`);
  process.exit(1);
}
console.log(`Within budget: ${kb(total.gzip)} gzip <= ${kb(BUDGET_GZIP_BYTES)}.`);
