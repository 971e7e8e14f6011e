/** @jest-environment ./tests/support/paneEnvironment.js */
// "Ny kontrakt fra bilag" in the pane: choose a file or paste the text → summary and review list →
// write the definition sheet (one host call), or cancel (none). Real drafter, fake host.
import "./domStubs";
import { TextDecoder, TextEncoder } from "node:util";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { docxFromText, fixture } from "../draft/docx";
import { deferred, FakeHost } from "./fakeHost";

// jsdom has no TextDecoder; Office's webviews and Node do.
Object.assign(globalThis, { TextDecoder, TextEncoder });

async function renderApp(host: FakeHost) {
  render(<App host={host} language="da" />);
  // The panel is a lazy chunk: the first render in a run waits for its modules.
  await screen.findByRole("heading", { name: "Ny kontrakt fra bilag" }, { timeout: 15000 });
}

function pick(file: File) {
  fireEvent.change(screen.getByLabelText("Bilagets fil"), { target: { files: [file] } });
}

const SEED = fixture("seed-jobcenter-kbh-2007.txt");

test("a Word file: summary, review list, then one definition sheet with the review", async () => {
  const host = new FakeHost();
  await renderApp(host);
  pick(new File([new Uint8Array(docxFromText(SEED))], "BILAG 1.docx"));

  expect(await screen.findByText("62 mål læst, 7 til gennemsyn", {}, { timeout: 15000 })).toBeTruthy();
  expect(screen.getByText(/Læst fra BILAG 1\.docx/)).toBeTruthy();
  expect(screen.getByText(/CJF \(Center for Job og Formidling\)/)).toBeTruthy();
  const list = screen.getByRole("list", { name: "7 punkter til gennemsyn" });
  const items = within(list).getAllByRole("listitem");
  expect(items).toHaveLength(7);
  const b40 = items.find((li) => li.textContent?.includes("jc-b40"))!;
  expect(b40.textContent).toContain("relativ stigning på 7 % (valgt) eller 7 procentpoint?");
  expect(host.calls.addDraftDefinition).toEqual([]);

  fireEvent.click(screen.getByRole("button", { name: "Skriv definitionsark" }));
  expect(
    await screen.findByText(
      /Arket «Definition jobcenter-koebenhavn[^»]*» er skrevet: 62 mål læst, 7 til gennemsyn/,
    ),
  ).toBeTruthy();
  expect(host.calls.addDraftDefinition).toHaveLength(1);
  const written = host.calls.addDraftDefinition[0]!;
  expect(written.contract.goals).toHaveLength(62);
  expect(written.review.rows["jc-b40"]).toMatch(/^«med 7 %» om en andel/);
  expect(Object.keys(written.review.rows)).toHaveLength(7);
  // The definitions list reads the workbook again and has the new sheet.
  await waitFor(() => expect(host.definitionSheets.map((d) => d.sheet)).toHaveLength(1));
  const reads = host.calls.definitions;
  expect(reads).toBeGreaterThanOrEqual(2);
});

test("pasted text: the same draft; cancel writes nothing", async () => {
  const host = new FakeHost();
  await renderApp(host);
  const button = screen.getByRole("button", { name: "Lav udkast af teksten" });
  expect((button as HTMLButtonElement).disabled).toBe(true);
  fireEvent.change(screen.getByRole("textbox", { name: "Eller indsæt bilagets tekst" }), {
    target: { value: fixture("seed-beskaeftigelsescentre-2007.txt") },
  });
  fireEvent.click(button);
  expect(await screen.findByText("29 mål læst, 1 til gennemsyn")).toBeTruthy();
  expect(screen.getByText(/Læst fra den indsatte tekst/)).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Annullér" }));
  expect(await screen.findByText("Udkastet er kasseret; intet er skrevet.")).toBeTruthy();
  expect(host.calls.addDraftDefinition).toEqual([]);
});

test("a PDF: the Danish reason beside the input, nothing drafted or written", async () => {
  const host = new FakeHost();
  await renderApp(host);
  pick(new File([new TextEncoder().encode("%PDF-1.5\n")], "bilag.docx"));
  expect(await screen.findByText(/Filen "bilag.docx" er en PDF/)).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Skriv definitionsark" })).toBeNull();
  expect(host.calls.addDraftDefinition).toEqual([]);
});

test("while the sheet is written the buttons wait; Excel's refusal goes to the error bar and the draft stays", async () => {
  const host = new FakeHost();
  const gate = deferred<void>();
  host.draftGate = gate.promise;
  host.failures.addDraftDefinition = new Error("Excel afviste ændringen: projektmappen er skrivebeskyttet.");
  await renderApp(host);
  fireEvent.change(screen.getByRole("textbox", { name: "Eller indsæt bilagets tekst" }), {
    target: { value: SEED },
  });
  fireEvent.click(screen.getByRole("button", { name: "Lav udkast af teksten" }));
  fireEvent.click(await screen.findByRole("button", { name: "Skriv definitionsark" }));
  const writing = await screen.findByRole("button", { name: "Skriver arket…" });
  expect((writing as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByRole("button", { name: "Annullér" }) as HTMLButtonElement).disabled).toBe(true);
  gate.resolve();
  expect(await screen.findByText(/projektmappen er skrivebeskyttet/)).toBeTruthy();
  await waitFor(() =>
    expect((screen.getByRole("button", { name: "Skriv definitionsark" }) as HTMLButtonElement).disabled).toBe(
      false,
    ),
  );
  expect(screen.getByText("62 mål læst, 7 til gennemsyn")).toBeTruthy();
});

test("in English the pane's words change, the review reasons stay Danish", async () => {
  const host = new FakeHost();
  render(<App host={host} language="en" />);
  await screen.findByRole("heading", { name: "New contract from appendix" });
  fireEvent.change(screen.getByRole("textbox", { name: "Or paste the appendix's text" }), {
    target: { value: SEED },
  });
  fireEvent.click(screen.getByRole("button", { name: "Draft from the text" }));
  expect(await screen.findByRole("list", { name: "7 items to review" })).toBeTruthy();
});
