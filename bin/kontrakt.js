#!/usr/bin/env node
// The `kontrakt` command. Runs the TypeScript sources directly, so a fresh clone works after
// `npm ci` with no build step and no stale dist/ to trip over.
//
// Rather than ts-node (about 1.5 s before the first line of our code runs, every time), each
// .ts file is transpiled once with TypeScript's transpileModule (no type checking: `npm run
// typecheck` does that) and the output is cached under node_modules/.cache/kontrakt, keyed by
// the file's content, the compiler options and TypeScript's version. Later runs load the cached
// JavaScript without loading TypeScript at all.
"use strict";

const fs = require("fs");
const path = require("path");
const crypto = require("crypto");

const root = path.join(__dirname, "..");
const cacheDir = path.join(root, "node_modules", ".cache", "kontrakt");
const compilerOptions = {
  module: "commonjs",
  target: "es2020",
  esModuleInterop: true,
  jsx: "react-jsx",
  inlineSourceMap: true,
  inlineSources: false,
};

let ts;
let tsVersion;
function typescriptVersion() {
  if (tsVersion === undefined) {
    try {
      tsVersion = JSON.parse(
        fs.readFileSync(require.resolve("typescript/package.json", { paths: [root] }), "utf8"),
      ).version;
    } catch {
      tsVersion = "unknown";
    }
  }
  return tsVersion;
}

const debug = process.argv.includes("--debug");
const SOURCE_MAP = Buffer.from("\n//# sourceMappingURL=");

/**
 * The JavaScript for one .ts file, from the cache or transpiled now. The cached file ends with an
 * inline source map (about as large as the code), which only --debug uses; otherwise it is cut
 * off before the code is compiled, so no module's source is held in memory twice its size.
 */
function transpiled(source, filename) {
  const key = crypto
    .createHash("sha1")
    .update(typescriptVersion())
    .update("\0")
    .update(JSON.stringify(compilerOptions))
    .update("\0")
    .update(filename)
    .update("\0")
    .update(source)
    .digest("hex");
  const cached = path.join(cacheDir, `${key}.js`);
  let bytes;
  try {
    bytes = fs.readFileSync(cached);
  } catch {
    bytes = Buffer.from(transpile(source, filename, cached));
  }
  const map = debug ? -1 : bytes.lastIndexOf(SOURCE_MAP);
  return bytes.toString("utf8", 0, map < 0 ? bytes.length : map);
}

function transpile(source, filename, cached) {
  ts ??= require("typescript");
  const output = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      ...compilerOptions,
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      jsx: ts.JsxEmit.ReactJSX,
    },
  }).outputText;
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, output);
    fs.renameSync(tmp, cached);
  } catch {
    // A read-only install still works, only slower.
  }
  return output;
}

require.extensions[".ts"] = function loadTypeScript(module, filename) {
  module._compile(transpiled(fs.readFileSync(filename, "utf8"), filename), filename);
};

if (debug) process.setSourceMapsEnabled(true);

/**
 * exceljs's entry point (lib/exceljs.nodejs.js in exceljs 4.4) loads its streaming reader and
 * writer too (unzipper, archiver and their dependencies: about 380 of the 660 modules it loads,
 * 100–200 ms of every command that reads or writes a workbook), which kontrakt never uses. The
 * command gets the same exports, each module loaded when first asked for (so `kontrakt goals`
 * and --help load none); the task pane's bundle and in-process tests load exceljs as usual.
 */
function exceljsWithoutStreams() {
  let entry;
  try {
    entry = require.resolve("exceljs", { paths: [root] });
  } catch {
    return; // Not installed: the import fails later with Node's own message.
  }
  const lib = path.join(path.dirname(entry), "lib");
  const exports = {
    get Workbook() {
      return require(path.join(lib, "doc", "workbook"));
    },
    get ModelContainer() {
      return require(path.join(lib, "doc", "modelcontainer"));
    },
    stream: {
      xlsx: {
        get WorkbookWriter() {
          return require(path.join(lib, "stream", "xlsx", "workbook-writer"));
        },
        get WorkbookReader() {
          return require(path.join(lib, "stream", "xlsx", "workbook-reader"));
        },
      },
    },
  };
  Object.assign(exports, require(path.join(lib, "doc", "enums")));
  const Module = require("module");
  const standIn = new Module(entry, module);
  standIn.filename = entry;
  standIn.paths = Module._nodeModulePaths(path.dirname(entry));
  standIn.exports = exports;
  standIn.loaded = true;
  require.cache[entry] = standIn;
}
exceljsWithoutStreams();

require(path.join(root, "src", "cli", "main.ts"))
  .main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  })
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`kontrakt: der opstod en uventet fejl: ${error && error.message}\n`);
      process.exitCode = 2;
    },
  );
