/** @jest-environment ./tests/support/paneEnvironment.js */
import "./domStubs";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { deferred, FakeHost } from "./fakeHost";

test("the summary button calls host.summary, shows progress and then success", async () => {
  const host = new FakeHost();
  const gate = deferred<void>();
  host.summaryGate = gate.promise;
  render(<App host={host} language="da" />);

  fireEvent.click(screen.getByRole("button", { name: "Lav oversigtsark" }));
  const running = await screen.findByRole("button", { name: /Laver oversigten/ });
  expect((running as HTMLButtonElement).disabled).toBe(true);
  expect(host.calls.summary).toBe(1);

  await act(async () => gate.resolve());
  expect(await screen.findByText("Arket Oversigt er opdateret.")).toBeTruthy();
  expect((screen.getByRole("button", { name: "Lav oversigtsark" }) as HTMLButtonElement).disabled).toBe(
    false,
  );
});

test("a host that rejects shows its Danish message in an error MessageBar", async () => {
  const host = new FakeHost();
  host.failures.summary = new Error("Der er ingen kontraktark at opsummere.");
  render(<App host={host} language="da" />);
  fireEvent.click(screen.getByRole("button", { name: "Lav oversigtsark" }));

  const alert = await screen.findByRole("alert");
  expect(within(alert).getByText("Der er ingen kontraktark at opsummere.")).toBeTruthy();
  expect(screen.queryByText("Arket Oversigt er opdateret.")).toBeNull();
});

test("a rejection that is not an Error still gets a Danish message", async () => {
  const host = new FakeHost();
  host.failures.summary = { code: 42 };
  render(<App host={host} language="da" />);
  fireEvent.click(screen.getByRole("button", { name: "Lav oversigtsark" }));
  expect(await screen.findByText("Der opstod en ukendt fejl.")).toBeTruthy();
});

test("the same failure twice is listed once", async () => {
  const host = new FakeHost();
  host.failures.summary = new Error("Projektmappen er skrivebeskyttet.");
  render(<App host={host} language="da" />);
  const button = screen.getByRole("button", { name: "Lav oversigtsark" });
  fireEvent.click(button);
  await screen.findByText("Projektmappen er skrivebeskyttet.");
  fireEvent.click(await screen.findByRole("button", { name: "Lav oversigtsark" }));
  await act(async () => undefined);
  expect(screen.getAllByText("Projektmappen er skrivebeskyttet.")).toHaveLength(1);
});

test("a host whose contract list throws still opens and says why", async () => {
  const host = new FakeHost();
  host.failures.contracts = new Error("De indbyggede kontrakter kunne ikke indlæses.");
  render(<App host={host} language="da" />);
  expect(await screen.findByText("De indbyggede kontrakter kunne ikke indlæses.")).toBeTruthy();
  expect(screen.getByText("Der er ingen kontrakter at vælge imellem.")).toBeTruthy();
});
