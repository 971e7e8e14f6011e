/** @jest-environment ./tests/support/paneEnvironment.js */
// office-addin-manifest's validator posts to a Microsoft web service and cannot run here, so the
// manifest's structure is checked directly: parsed with jsdom's DOMParser.
import fs from "fs";
import path from "path";

const root = path.resolve(__dirname, "..", "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

function all(ns: string, name: string, parent: Document | Element = doc): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, name));
}

function one(ns: string, name: string, parent: Document | Element = doc): Element {
  const found = all(ns, name, parent);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0] as Element;
}

/** The one direct child with this name (getElementsByTagNameNS would also find grandchildren). */
function child(parent: Element, name: string): Element {
  const found = Array.from(parent.children).filter(
    (el) => el.namespaceURI === NS.ov && el.localName === name,
  );
  if (found.length !== 1)
    throw new Error(`expected one <${name}> in <${parent.localName}>, found ${found.length}`);
  return found[0] as Element;
}

function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS.xsi, "type");
}

/** Resolves a resid to its DefaultValue in <Resources>. */
function resource(kind: "Image" | "Url" | "String", id: string): Element {
  const match = all(NS.bt, kind, one(NS.ov, "Resources")).find((el) => el.getAttribute("id") === id);
  if (!match) throw new Error(`no bt:${kind} with id ${id}`);
  return match;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const BASE = "https://localhost:3000/";

test("the manifest is well-formed XML for a task pane add-in with a stable GUID", () => {
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  expect(doc.documentElement.localName).toBe("OfficeApp");
  expect(xsiType(doc.documentElement)).toBe("TaskPaneApp");
  expect(one(NS.app, "Id").textContent).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  );
  expect(one(NS.app, "Id").textContent).toBe("7db2ad83-c3ca-4de9-8ec2-727bd93acc90");
  expect(all(NS.app, "Host").map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
});

test("Danish by default, with English display names", () => {
  expect(one(NS.app, "DefaultLocale").textContent).toBe("da-DK");
  const name = one(NS.app, "DisplayName");
  expect(name.getAttribute("DefaultValue")).toBe("Resultatkontrakter");
  const override = one(NS.app, "Override", name);
  expect(override.getAttribute("Locale")).toBe("en-US");
  expect(override.getAttribute("Value")).toBeTruthy();
  // Every ribbon string has an English override too.
  for (const str of all(NS.bt, "String")) {
    const overrides = all(NS.bt, "Override", str);
    expect(overrides.map((o) => o.getAttribute("Locale"))).toEqual(["en-US"]);
  }
});

test("it asks for ReadWriteDocument and requires ExcelApi 1.7", () => {
  expect(one(NS.app, "Permissions").textContent).toBe("ReadWriteDocument");
  const sets = all(NS.app, "Set", one(NS.app, "Requirements"));
  expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toEqual([
    ["ExcelApi", "1.7"],
  ]);
});

test("the Home tab has a Resultatkontrakter group with the two buttons", () => {
  const tab = one(NS.ov, "OfficeTab");
  expect(tab.getAttribute("id")).toBe("TabHome");
  const group = one(NS.ov, "Group", tab);
  expect(
    resource("String", child(group, "Label").getAttribute("resid") ?? "").getAttribute("DefaultValue"),
  ).toBe("Resultatkontrakter");
  const controls = all(NS.ov, "Control", group);
  expect(controls).toHaveLength(2);
  const [pane, summary] = controls as [Element, Element];
  const label = (control: Element) =>
    resource("String", child(control, "Label").getAttribute("resid") ?? "").getAttribute("DefaultValue");

  expect(label(pane)).toBe("Kontraktpanel");
  const paneAction = child(pane, "Action");
  expect(xsiType(paneAction)).toBe("ShowTaskpane");
  const paneUrl = one(NS.ov, "SourceLocation", paneAction).getAttribute("resid") ?? "";
  expect(resource("Url", paneUrl).getAttribute("DefaultValue")).toBe(`${BASE}taskpane.html`);

  expect(label(summary)).toBe("Opsummering");
  const summaryAction = child(summary, "Action");
  expect(xsiType(summaryAction)).toBe("ExecuteFunction");
  expect(one(NS.ov, "FunctionName", summaryAction).textContent).toBe("opsummering");
  const functionFile = one(NS.ov, "FunctionFile").getAttribute("resid") ?? "";
  expect(resource("Url", functionFile).getAttribute("DefaultValue")).toBe(`${BASE}commands.html`);
});

test("the ExecuteFunction name is the one src/commands/commands.ts associates", () => {
  const source = fs.readFileSync(path.join(root, "src", "commands", "commands.ts"), "utf8");
  const associated = [...source.matchAll(/Office\.actions\.associate\(\s*["']([^"']+)["']/g)].map(
    (m) => m[1],
  );
  const inManifest = all(NS.ov, "FunctionName").map((f) => f.textContent);
  expect(associated.sort()).toEqual(inManifest.sort());
});

test("every icon exists in assets/ with the pixel size it is declared as", () => {
  const icons = new Map<string, number>();
  icons.set(one(NS.app, "IconUrl").getAttribute("DefaultValue") ?? "", 32);
  icons.set(one(NS.app, "HighResolutionIconUrl").getAttribute("DefaultValue") ?? "", 64);
  for (const img of all(NS.bt, "Image")) {
    const size = img.getAttribute("size");
    if (size) {
      icons.set(
        resource("Image", img.getAttribute("resid") ?? "").getAttribute("DefaultValue") ?? "",
        Number(size),
      );
    }
  }
  expect([...icons.values()].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
  for (const [url, size] of icons) {
    expect(url.startsWith(`${BASE}assets/`)).toBe(true);
    const file = path.join(root, url.slice(BASE.length));
    expect(fs.existsSync(file)).toBe(true);
    expect(pngSize(file)).toEqual({ width: size, height: size });
  }
});

test("every URL in the manifest is on https://localhost:3000", () => {
  const urls = [
    ...all(NS.app, "IconUrl"),
    ...all(NS.app, "HighResolutionIconUrl"),
    ...all(NS.app, "SupportUrl"),
    ...all(NS.app, "SourceLocation").filter((el) => el.hasAttribute("DefaultValue")),
    ...all(NS.bt, "Image").filter((el) => el.hasAttribute("DefaultValue")),
    ...all(NS.bt, "Url"),
  ].map((el) => el.getAttribute("DefaultValue") ?? "");
  expect(urls.length).toBeGreaterThanOrEqual(9);
  for (const url of urls) expect(url.startsWith(BASE)).toBe(true);
  // And nothing else in the file looks like a URL to elsewhere (namespaces aside).
  const others = (xml.match(/https?:\/\/[^"\s<]+/g) ?? []).filter(
    (u) =>
      !u.startsWith(BASE) &&
      !u.startsWith("http://schemas.microsoft.com/") &&
      !u.startsWith("http://www.w3.org/"),
  );
  expect(others).toEqual([]);
});

test("the pages the manifest names are built by webpack", async () => {
  // The production configuration as webpack gets it: the HTML pages its plugins emit.
  const { default: makeConfig } = await import(path.join(root, "webpack.config.js"));
  const config = await makeConfig({}, { mode: "production" });
  const emitted = (config.plugins as { userOptions?: { filename?: string } }[]).flatMap((p) =>
    p.userOptions?.filename ? [p.userOptions.filename] : [],
  );
  for (const page of ["taskpane.html", "commands.html", "fejl.html"]) expect(emitted).toContain(page);
});
