/** @jest-environment ./tests/support/paneEnvironment.js */
import "./domStubs";
import { render, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { languageFrom } from "../../src/taskpane/i18n";
import { centre, FakeHost } from "./fakeHost";

const globals = globalThis as { Office?: unknown };

afterEach(() => {
  delete globals.Office;
});

test("the language is English only for English display languages", () => {
  expect(languageFrom("en-US")).toBe("en");
  expect(languageFrom("en-GB")).toBe("en");
  expect(languageFrom("EN-us")).toBe("en");
  expect(languageFrom("da-DK")).toBe("da");
  expect(languageFrom("de-DE")).toBe("da");
  expect(languageFrom(undefined)).toBe("da");
  expect(languageFrom("")).toBe("da");
});

test("English strings when Office's display language is en-US", async () => {
  globals.Office = { context: { displayLanguage: "en-US" } };
  const host = new FakeHost();
  host.overviewResult = [centre()];
  render(<App host={host} />);
  expect(screen.getByRole("heading", { name: "Performance contracts" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "Build sheets" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "Make summary sheet" })).toBeTruthy();
  expect(await screen.findByText("Met: 3")).toBeTruthy();
  expect(screen.getByText("Not met: 1")).toBeTruthy();
  expect(screen.getByText("Missing data: 2")).toBeTruthy();
  expect(screen.getByText("Invalid: 0")).toBeTruthy();
  expect(screen.queryByText("Byg ark")).toBeNull();
});

test("Danish strings when Office's display language is Danish, or unknown", async () => {
  globals.Office = { context: { displayLanguage: "da-DK" } };
  const { unmount } = render(<App host={new FakeHost()} />);
  expect(screen.getByRole("button", { name: "Byg ark" })).toBeTruthy();
  await screen.findByRole("button", { name: "Opdatér status" });
  unmount();

  delete globals.Office;
  render(<App host={new FakeHost()} />);
  expect(screen.getByRole("heading", { name: "Resultatkontrakter" })).toBeTruthy();
  await screen.findByRole("button", { name: "Opdatér status" });
});
