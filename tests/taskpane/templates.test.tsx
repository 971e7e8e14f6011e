/** @jest-environment ./tests/support/paneEnvironment.js */
import "./domStubs";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { centre, deferred, FakeHost, field, fileReview, templateFile } from "./fakeHost";

/** What the pane handed to the browser to save: file names, in order. */
let downloads: string[] = [];
let blobs: Blob[] = [];

beforeEach(() => {
  downloads = [];
  blobs = [];
  let n = 0;
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      blobs.push(blob);
      return `blob:test/${++n}`;
    },
    revokeObjectURL: () => undefined,
  });
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});

afterEach(() => {
  jest.restoreAllMocks();
});

async function renderApp(host: FakeHost) {
  render(<App host={host} language="da" />);
  // The template section is a lazy chunk; the first test of the file pays for compiling it.
  await screen.findByRole("button", { name: "Send skabeloner ud" }, { timeout: 15_000 });
}

function pickFiles(files: File[]) {
  const input = screen.getByLabelText("Vælg udfyldte skabeloner (.xlsx)");
  fireEvent.change(input, { target: { files } });
}

const xlsx = (name: string) => new File([new Uint8Array([80, 75, 3, 4, 1, 2])], name);

describe("Send skabeloner ud", () => {
  test("exports with prefill, downloads one file per centre and lists them", async () => {
    const host = new FakeHost();
    host.overviewResult = [centre()];
    await renderApp(host);
    const overviews = host.calls.overview;
    fireEvent.click(screen.getByRole("checkbox", { name: "Udfyld med tal fra projektmappen" }));
    fireEvent.click(screen.getByRole("button", { name: "Send skabeloner ud" }));

    expect(await screen.findByText(/2 skabeloner er lavet og hentet/)).toBeTruthy();
    expect(host.calls.exportTemplates).toEqual([{ prefill: true }]);
    expect(downloads).toEqual([
      "beskaeftigelse-2007_Nyropsgade_2007.xlsx",
      "beskaeftigelse-2007_Skelbaekgade_2007.xlsx",
    ]);
    expect(blobs.map((b) => b.type)).toEqual([
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]);
    const list = screen.getByRole("list", { name: "Send skabeloner ud" });
    expect(within(list).getByText("beskaeftigelse-2007_Skelbaekgade_2007.xlsx")).toBeTruthy();
    // The overview is read again: the trips changed.
    await waitFor(() => expect(host.calls.overview).toBeGreaterThan(overviews));

    fireEvent.click(
      within(list).getByRole("button", { name: "Hent igen: beskaeftigelse-2007_Skelbaekgade_2007.xlsx" }),
    );
    expect(downloads).toHaveLength(3);
    expect(downloads[2]).toBe("beskaeftigelse-2007_Skelbaekgade_2007.xlsx");
    expect(host.calls.openTemplate).toEqual([]);
  });

  test("where a download cannot work (Mac), each file is opened in Excel on request", async () => {
    const host = new FakeHost();
    host.overviewResult = [centre()];
    host.exportResult = { ...host.exportResult, delivery: "open" };
    await renderApp(host);
    fireEvent.click(screen.getByRole("button", { name: "Send skabeloner ud" }));
    expect(await screen.findByText(/Åbn dem én ad gangen i Excel/)).toBeTruthy();
    expect(downloads).toEqual([]);
    const open = screen.getByRole("button", {
      name: "Åbn i Excel: beskaeftigelse-2007_Nyropsgade_2007.xlsx",
    });
    fireEvent.click(open);
    await waitFor(() => expect(open.textContent).toBe("Åbnet"));
    expect(host.calls.openTemplate).toEqual(["beskaeftigelse-2007_Nyropsgade_2007.xlsx"]);
  });

  test("shows the export in progress, and the host's Danish error when it fails", async () => {
    const host = new FakeHost();
    host.overviewResult = [centre()];
    const gate = deferred<void>();
    host.exportGate = gate.promise;
    host.failures.exportTemplates = new Error(
      "Excel afviste ændringen: et ark er beskyttet. Intet er ændret.",
    );
    await renderApp(host);
    fireEvent.click(screen.getByRole("button", { name: "Send skabeloner ud" }));
    expect(await screen.findByRole("button", { name: /Laver skabeloner/ })).toBeTruthy();
    await act(async () => gate.resolve());
    expect(await screen.findByText(/et ark er beskyttet/)).toBeTruthy();
    expect(downloads).toEqual([]);
    expect(screen.getByRole("button", { name: "Send skabeloner ud" })).toBeTruthy();
  });

  test("a prefilled template says how many figures it carries; a stale Oversigt is mentioned", async () => {
    const host = new FakeHost();
    host.overviewResult = [centre()];
    host.exportResult = {
      ...host.exportResult,
      files: [templateFile({ prefilled: 7 })],
      summaryStale: true,
    };
    await renderApp(host);
    fireEvent.click(screen.getByRole("button", { name: "Send skabeloner ud" }));
    expect(await screen.findByText(/1 skabelon er lavet og hentet/)).toBeTruthy();
    expect(screen.getByText(/7 tal udfyldt/)).toBeTruthy();
    expect(screen.getByText(/rækken “Indsendt” er ikke opdateret/)).toBeTruthy();
  });

  test("without contract sheets there is nothing to send or import", async () => {
    const host = new FakeHost();
    host.overviewResult = [];
    await renderApp(host);
    expect(await screen.findByText(/Byg kontraktarkene først/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Send skabeloner ud" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(
      (screen.getByRole("button", { name: "Indlæs udfyldte skabeloner …" }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});

describe("Indlæs udfyldte skabeloner", () => {
  function reviewWithEverything(host: FakeHost) {
    host.reviewResult = {
      files: [
        fileReview({
          fields: [
            field({ goalId: "1.1", field: "grundlag", key: "k1", address: "H8", value: 200 }),
            field({
              goalId: "1.2",
              field: "resultat",
              key: "k2",
              address: "I9",
              kind: "unchanged",
              old: 5,
              value: 5,
            }),
            field({
              goalId: "1.3",
              field: "resultat",
              key: "k3",
              address: "I10",
              kind: "conflict",
              old: 10,
              value: 11,
            }),
            field({
              goalId: "1.4",
              field: "resultat",
              key: "k4",
              address: "I11",
              kind: "conflict",
              old: 3,
              oldFormula: "=H11/2",
              value: 4,
            }),
          ],
          rejected: [
            {
              address: "I12",
              goalId: "1.5",
              reason:
                "Celle I12 (Resultat, mål 1.5) indeholder en formel (=H12*2); kun tal og tekst indlæses – skriv resultatet som et tal.",
            },
          ],
          unknownIds: ["egen-note"],
        }),
      ],
      refused: [
        {
          file: "cab.xlsx",
          message:
            'Filen "cab.xlsx" siger, at den er skabelonen for CAB, men arket "CKB" hører til CKB. Filen er ikke indlæst; bed CAB sende sin egen skabelon.',
        },
      ],
      skipped: [{ file: "~$ckb.xlsx", message: "~$ckb.xlsx: sprunget over – en Office-låsefil (~$)." }],
    };
  }

  test("picked files are checked; the preview shows refusals, skips, new, unchanged, conflicts and rejected cells", async () => {
    const host = new FakeHost();
    host.overviewResult = [centre()];
    reviewWithEverything(host);
    await renderApp(host);
    pickFiles([xlsx("nyrop-retur.xlsx"), xlsx("cab.xlsx"), xlsx("~$ckb.xlsx")]);

    const card = await screen.findByTestId("review-Nyropsgade");
    expect(host.calls.previewImport).toEqual([["nyrop-retur.xlsx", "cab.xlsx", "~$ckb.xlsx"]]);
    expect(within(screen.getByTestId("refused")).getByText(/hører til CKB/)).toBeTruthy();
    expect(screen.getByText("1 fil er afvist")).toBeTruthy();
    expect(screen.getByText(/en Office-låsefil/)).toBeTruthy();
    expect(within(card).getByText(/1 nye, 1 uændrede, 2 i konflikt/)).toBeTruthy();
    expect(within(card).getByText("1.1 Grundlag (H8): 200")).toBeTruthy();
    expect(within(card).getByText("1.3 Resultat (I10): projektmappen har 10, filen har 11")).toBeTruthy();
    expect(within(card).getByText("1.4 Resultat (I11): projektmappen har =H11/2, filen har 4")).toBeTruthy();
    expect(within(card).getByText(/Celle I12 \(Resultat, mål 1\.5\) indeholder en formel/)).toBeTruthy();
    expect(within(card).getByText(/egen-note/)).toBeTruthy();
    expect(within(card).getByText("Uændrede (1)")).toBeTruthy();
    // Nothing has been written yet.
    expect(host.calls.applyImport).toEqual([]);
  });

  test("keep for the import, replace for one conflict; Indlæs passes both and reports the result", async () => {
    const host = new FakeHost();
    host.overviewResult = [centre()];
    reviewWithEverything(host);
    await renderApp(host);
    pickFiles([xlsx("nyrop-retur.xlsx")]);
    await screen.findByTestId("review-Nyropsgade");

    const all = screen.getByRole("radiogroup", { name: "Hvor projektmappen allerede har et andet tal:" });
    expect(
      (within(all).getByRole("radio", { name: "Behold projektmappens tal" }) as HTMLInputElement).checked,
    ).toBe(true);
    const one = screen.getByRole("radiogroup", { name: "1.4 Resultat" });
    fireEvent.click(within(one).getByRole("radio", { name: "Erstat" }));
    expect((within(one).getByRole("radio", { name: "Erstat" }) as HTMLInputElement).checked).toBe(true);
    const other = screen.getByRole("radiogroup", { name: "1.3 Resultat" });
    expect((within(other).getByRole("radio", { name: "Behold" }) as HTMLInputElement).checked).toBe(true);

    const overviews = host.calls.overview;
    fireEvent.click(screen.getByRole("button", { name: "Indlæs" }));
    expect(
      await screen.findByText(/Indlæst for Nyropsgade: 1 nye, 1 erstattet, 1 beholdt, 1 uændrede/),
    ).toBeTruthy();
    expect(host.calls.applyImport).toHaveLength(1);
    expect(host.calls.applyImport[0]!.choices).toEqual({ conflicts: "keep", perConflict: { k4: "replace" } });
    expect(host.calls.applyImport[0]!.review).toBe(host.reviewResult);
    expect(screen.queryByTestId("review-Nyropsgade")).toBeNull();
    await waitFor(() => expect(host.calls.overview).toBeGreaterThan(overviews));
  });

  test("choosing for the whole import resets the choices made one by one", async () => {
    const host = new FakeHost();
    host.overviewResult = [centre()];
    reviewWithEverything(host);
    await renderApp(host);
    pickFiles([xlsx("nyrop-retur.xlsx")]);
    await screen.findByTestId("review-Nyropsgade");
    fireEvent.click(
      within(screen.getByRole("radiogroup", { name: "1.4 Resultat" })).getByRole("radio", { name: "Erstat" }),
    );
    fireEvent.click(screen.getByRole("radio", { name: "Brug filens tal" }));
    fireEvent.click(screen.getByRole("button", { name: "Indlæs" }));
    await screen.findByText(/Indlæst for/);
    expect(host.calls.applyImport[0]!.choices).toEqual({ conflicts: "replace", perConflict: {} });
  });

  test("Annullér writes nothing", async () => {
    const host = new FakeHost();
    host.overviewResult = [centre()];
    await renderApp(host);
    pickFiles([xlsx("nyrop-retur.xlsx")]);
    await screen.findByTestId("review-Nyropsgade");
    fireEvent.click(screen.getByRole("button", { name: "Annullér" }));
    expect(await screen.findByText("Indlæsningen er annulleret. Intet er ændret.")).toBeTruthy();
    expect(host.calls.applyImport).toEqual([]);
    expect(screen.queryByTestId("review-Nyropsgade")).toBeNull();
  });

  test("only refused files: the refusal is shown and Indlæs cannot be pressed", async () => {
    const host = new FakeHost();
    host.overviewResult = [centre()];
    host.reviewResult = {
      files: [],
      refused: [
        {
          file: "gammel.xlsx",
          message: 'Filen "gammel.xlsx" er ikke en Excel-projektmappe (.xlsx). Intet er indlæst.',
        },
      ],
      skipped: [],
    };
    await renderApp(host);
    pickFiles([xlsx("gammel.xlsx")]);
    expect(await screen.findByText(/gammel\.xlsx" er ikke en Excel-projektmappe/)).toBeTruthy();
    expect(screen.getByText("Ingen af filerne kan indlæses. Intet er ændret.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Indlæs" }) as HTMLButtonElement).disabled).toBe(true);
  });

  test("a workbook changed since the preview: the new preview is shown with a warning", async () => {
    const host = new FakeHost();
    host.overviewResult = [centre()];
    const fresh = {
      files: [fileReview({ fields: [field({ kind: "conflict", old: 9, value: 120, key: "k9" })] })],
      refused: [],
      skipped: [],
    };
    host.importOutcome = { kind: "stale", review: fresh };
    await renderApp(host);
    pickFiles([xlsx("nyrop-retur.xlsx")]);
    await screen.findByTestId("review-Nyropsgade");
    fireEvent.click(screen.getByRole("button", { name: "Indlæs" }));
    expect(await screen.findByText(/Projektmappen er ændret, siden filerne blev kontrolleret/)).toBeTruthy();
    expect(screen.getByText("1.1 Resultat (I8): projektmappen har 9, filen har 120")).toBeTruthy();
    host.importOutcome = null;
    fireEvent.click(screen.getByRole("button", { name: "Indlæs" }));
    await screen.findByText(/Indlæst for/);
    expect(host.calls.applyImport[1]!.review).toBe(fresh);
  });

  test("Excel refuses the write: the Danish error is shown and the preview stays", async () => {
    const host = new FakeHost();
    host.overviewResult = [centre()];
    host.failures.applyImport = new Error(
      "Excel afviste ændringen: et ark eller projektmappen er beskyttet. Intet er ændret i projektmappen.",
    );
    await renderApp(host);
    pickFiles([xlsx("nyrop-retur.xlsx")]);
    await screen.findByTestId("review-Nyropsgade");
    fireEvent.click(screen.getByRole("button", { name: "Indlæs" }));
    expect(await screen.findByText(/Intet er ændret i projektmappen/)).toBeTruthy();
    expect(screen.getByRole("alert")).toBeTruthy();
    expect(screen.getByTestId("review-Nyropsgade")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Indlæs" }) as HTMLButtonElement).disabled).toBe(false);
  });
});

test("the overview says per centre when its template went out and came back, and what lacks data", async () => {
  const host = new FakeHost();
  host.overviewResult = [
    centre({ trips: { exported: "2026-11-22T10:00:00Z", returned: "2026-11-25T09:30:00Z" } }),
    centre({
      code: "CJF",
      name: "Center for Job og Fleksibilitet",
      sheet: "CJF",
      counts: { met: 5, not_met: 0, missing: 0, invalid: 0 },
      attention: [],
      trips: { exported: "2026-11-22T10:00:00Z" },
    }),
    centre({ code: "JSV", name: "JSV", sheet: "JSV", trips: {} }),
    centre({ code: "CKB", name: "CKB", sheet: "CKB" }),
  ];
  render(<App host={host} language="da" />);
  expect((await screen.findByTestId("trips-Nyropsgade")).textContent).toBe(
    "Skabelon sendt 22.11.2026 · retur 25.11.2026 · 2 mål mangler data",
  );
  expect(screen.getByTestId("trips-CJF").textContent).toBe(
    "Skabelon sendt 22.11.2026 · ikke retur · ingen mål mangler data",
  );
  expect(screen.getByTestId("trips-JSV").textContent).toBe("Skabelon ikke sendt · 2 mål mangler data");
  // Without trips (an older host) the line is left out.
  expect(screen.queryByTestId("trips-CKB")).toBeNull();
});

test("English pane: the template section speaks English", async () => {
  const host = new FakeHost();
  host.overviewResult = [centre({ trips: { exported: "2026-11-22T10:00:00Z" } })];
  render(<App host={host} language="en" />);
  expect(await screen.findByRole("button", { name: "Send out templates" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "Import filled-in templates …" })).toBeTruthy();
  expect((await screen.findByTestId("trips-Nyropsgade")).textContent).toBe(
    "Template sent 22.11.2026 · not back · 2 goals lack data",
  );
});
