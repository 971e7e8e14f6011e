// Every context.sync() watched: after a few seconds the pane says Excel is waiting (most often
// because the user is typing in a cell: from ExcelApi 1.11 requests wait for that instead of
// failing), and a sync that has not settled in 2 minutes — it has hung on Excel on the web
// (office-js #6150, #6678) — is given up with a Danish message saying what to do.
import type { ExcelRun } from "./env";

export interface SyncWatch {
  /** After this long the user is told Excel is waiting (default 2 s). */
  slowMs?: number;
  /** After this long the sync is given up (default 2 minutes). */
  hungMs?: number;
  /** true when a sync has been waiting for slowMs, false when it settles. */
  onWaiting?: (waiting: boolean) => void;
}

export const SLOW_MS = 2_000;
export const HUNG_MS = 120_000;

/** A sync that did not settle in time. Whether Excel carried it out is not known. */
export class SyncHung extends Error {
  constructor() {
    super(
      "Excel har ikke svaret i 2 minutter. Er du ved at skrive i en celle, så tryk Enter. Ellers: luk opgaveruden, åbn den igen, og kontrollér arkene, før du prøver igen.",
    );
    this.name = "SyncHung";
  }
}

/** Excel.run whose every context.sync() is watched. */
export function watchSyncs(run: ExcelRun, watch: SyncWatch): ExcelRun {
  return (batch) =>
    run((context) => {
      const sync = context.sync.bind(context);
      (context as { sync: () => Promise<void> }).sync = () => watched(sync(), watch);
      return batch(context);
    });
}

export function watched<T>(work: Promise<T>, watch: SyncWatch): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let waiting = false;
    const slow = setTimeout(() => {
      waiting = true;
      watch.onWaiting?.(true);
    }, watch.slowMs ?? SLOW_MS);
    const hung = setTimeout(() => {
      settle();
      reject(new SyncHung());
    }, watch.hungMs ?? HUNG_MS);
    const settle = () => {
      clearTimeout(slow);
      clearTimeout(hung);
      if (waiting) watch.onWaiting?.(false);
      waiting = false;
    };
    work.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}
