/** @jest-environment ./tests/support/paneEnvironment.js */
// The ribbon's Opsummering command: always completes its event, and shows failures in a dialog.
type Handler = (arg: unknown) => void;

interface FakeDialog {
  handlers: Map<string, Handler>;
  close: jest.Mock;
}

const globals = globalThis as { Office?: unknown };

function installOffice(openResult: "ok" | "fail" | "throw" = "ok") {
  const associated = new Map<string, (event: unknown) => unknown>();
  const dialogs: { url: string; options: unknown; dialog: FakeDialog }[] = [];
  const office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    onReady: (callback: () => void) => {
      callback();
      return Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
    },
    actions: { associate: (name: string, fn: (event: unknown) => unknown) => associated.set(name, fn) },
    context: {
      ui: {
        displayDialogAsync: (url: string, options: unknown, callback: (result: unknown) => void) => {
          if (openResult === "throw") throw new Error("Dialog API not supported");
          const dialog: FakeDialog = {
            handlers: new Map(),
            close: jest.fn(),
          };
          const api = {
            addEventHandler: (type: string, h: Handler) => dialog.handlers.set(type, h),
            close: dialog.close,
          };
          dialogs.push({ url, options, dialog });
          callback(
            openResult === "ok"
              ? { status: "succeeded", value: api }
              : { status: "failed", error: { code: 12007, message: "A dialog is already open" } },
          );
        },
      },
    },
  };
  globals.Office = office;
  return { associated, dialogs };
}

/** Loads commands.ts afresh (it associates on load) with a stand-in for the Excel host module. */
function loadCommands(summary: () => Promise<void>, createOfficeHost = () => ({ summary })) {
  jest.resetModules();
  jest.doMock("../../src/excel/officeHost", () => ({ createOfficeHost }));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("../../src/commands/commands") as typeof import("../../src/commands/commands");
}

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  jest.spyOn(console, "error").mockImplementation(() => undefined);
});

afterEach(() => {
  delete globals.Office;
  jest.dontMock("../../src/excel/officeHost");
  jest.restoreAllMocks();
});

test("opsummering is associated with Office when the function file loads", () => {
  const { associated } = installOffice();
  const commands = loadCommands(async () => undefined);
  expect([...associated.keys()]).toEqual(["opsummering"]);
  expect(associated.get("opsummering")).toBe(commands.opsummering);
});

test("success: the summary is made and the event completed, with no dialog", async () => {
  const { dialogs } = installOffice();
  const summary = jest.fn(async () => undefined);
  const { opsummering } = loadCommands(summary);
  const event = { completed: jest.fn() };
  await opsummering(event as unknown as Office.AddinCommands.Event);
  expect(summary).toHaveBeenCalledTimes(1);
  expect(event.completed).toHaveBeenCalledTimes(1);
  expect(dialogs).toEqual([]);
});

test("failure: the Danish message is shown in fejl.html and the event completes when it closes", async () => {
  const { dialogs } = installOffice();
  const { opsummering } = loadCommands(async () => {
    throw new Error("Der er ingen kontraktark at opsummere & intet at vise.");
  });
  const event = { completed: jest.fn() };
  const running = opsummering(event as unknown as Office.AddinCommands.Event);
  await flush();

  expect(dialogs).toHaveLength(1);
  const url = new URL((dialogs[0] as { url: string }).url);
  expect(url.pathname).toBe("/fejl.html");
  expect(url.searchParams.get("besked")).toBe("Der er ingen kontraktark at opsummere & intet at vise.");
  expect(event.completed).not.toHaveBeenCalled();

  // The user presses OK in the dialog.
  (dialogs[0] as { dialog: FakeDialog }).dialog.handlers.get("dialogMessageReceived")?.({ message: "luk" });
  await running;
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("closing the dialog with its close box also completes the event", async () => {
  const { dialogs } = installOffice();
  const { opsummering } = loadCommands(async () => {
    throw new Error("Fejl");
  });
  const event = { completed: jest.fn() };
  const running = opsummering(event as unknown as Office.AddinCommands.Event);
  await flush();
  (dialogs[0] as { dialog: FakeDialog }).dialog.handlers.get("dialogEventReceived")?.({ error: 12006 });
  await running;
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test("if no dialog can be shown the event still completes", async () => {
  for (const mode of ["fail", "throw"] as const) {
    installOffice(mode);
    const { opsummering } = loadCommands(async () => {
      throw new Error("Fejl");
    });
    const event = { completed: jest.fn() };
    await opsummering(event as unknown as Office.AddinCommands.Event);
    expect(event.completed).toHaveBeenCalledTimes(1);
  }
});

test("a failure to load the Excel code completes the event too", async () => {
  const { dialogs } = installOffice();
  const { opsummering } = loadCommands(
    async () => undefined,
    () => {
      throw new Error("Excel-forbindelsen er ikke bygget endnu");
    },
  );
  const event = { completed: jest.fn() };
  const running = opsummering(event as unknown as Office.AddinCommands.Event);
  await flush();
  expect(new URL((dialogs[0] as { url: string }).url).searchParams.get("besked")).toBe(
    "Excel-forbindelsen er ikke bygget endnu",
  );
  (dialogs[0] as { dialog: FakeDialog }).dialog.handlers.get("dialogMessageReceived")?.({ message: "luk" });
  await running;
  expect(event.completed).toHaveBeenCalledTimes(1);
});
