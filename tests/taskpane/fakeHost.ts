// An in-memory WorkbookHost for the task pane tests: records every call, lets a test decide
// what each method returns (or throws), and fires onChanged on demand.
import type {
  AttentionRow,
  BuildProgress,
  BuildResult,
  CentreOverview,
  ContractChoice,
  DraftDefinition,
  DefinitionBuild,
  DefinitionSheet,
  ExportResult,
  NewDefinitionSource,
  FieldReview,
  FileReview,
  ImportChoices,
  ImportOutcome,
  ImportReview,
  ReturnedFile,
  TemplateFile,
  WorkbookHost,
} from "../../src/host/workbookHost";

export const CONTRACTS: ContractChoice[] = [
  {
    id: "beskaeftigelse-2007",
    title: "Resultatkontrakt for jobcentrene",
    year: 2007,
    centres: [
      { code: "Nyropsgade", name: "Jobcenter Nyropsgade" },
      { code: "Skelbækgade", name: "Jobcenter Skelbækgade" },
    ],
  },
  {
    id: "sygedagpenge-2007",
    title: "Resultatkontrakt for Sygedagpenge",
    year: 2007,
    centres: [{ code: "Sygedagpenge", name: "Sygedagpengeafdelingen" }],
  },
];

export function attention(overrides: Partial<AttentionRow> = {}): AttentionRow {
  return {
    goalId: "g-1",
    text: "Færre langvarige sygemeldinger",
    status: "not_met",
    message: "Faldet er 4 %, kravet er mindst 10 %.",
    sheet: "Nyropsgade",
    row: 12,
    ...overrides,
  };
}

export function centre(overrides: Partial<CentreOverview> = {}): CentreOverview {
  return {
    code: "Nyropsgade",
    name: "Jobcenter Nyropsgade",
    contractId: "beskaeftigelse-2007",
    sheet: "Nyropsgade",
    counts: { met: 3, not_met: 1, missing: 2, invalid: 0 },
    attention: [attention()],
    ...overrides,
  };
}

export function templateFile(overrides: Partial<TemplateFile> = {}): TemplateFile {
  return {
    name: "beskaeftigelse-2007_Nyropsgade_2007.xlsx",
    contractId: "beskaeftigelse-2007",
    centre: "Nyropsgade",
    centreName: "Jobcenter Nyropsgade",
    bytes: new Uint8Array([80, 75, 3, 4]),
    prefilled: 0,
    ...overrides,
  };
}

export function field(overrides: Partial<FieldReview> = {}): FieldReview {
  const goalId = overrides.goalId ?? "1.1";
  const f = overrides.field ?? "resultat";
  return {
    key: `fil.xlsx|${goalId}|${f}`,
    goalId,
    goalText: "Færre på offentlig forsørgelse",
    field: f,
    address: "I8",
    kind: "new",
    old: null,
    value: 120,
    ...overrides,
  };
}

export function fileReview(overrides: Partial<FileReview> = {}): FileReview {
  return {
    file: "nyrop-retur.xlsx",
    centre: "Nyropsgade",
    centreName: "Jobcenter Nyropsgade",
    sheet: "Nyropsgade",
    exportedAt: "2026-11-22T10:00:00Z",
    fields: [field()],
    rejected: [],
    unknownIds: [],
    ...overrides,
  };
}

type Deferred<T> = { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void };

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export class FakeHost implements WorkbookHost {
  contractList: ContractChoice[] = CONTRACTS;
  existing: string[] = [];
  overviewResult: CentreOverview[] = [];
  buildResult: BuildResult = { created: ["Nyropsgade", "Skelbækgade"], updated: [], keptValues: 0 };
  /** Progress reports the fake build sends before it resolves. */
  progressSteps: BuildProgress[] = [];
  /** When set, build waits for it (to observe the pane mid-build). */
  buildGate: Promise<void> | null = null;
  summaryGate: Promise<void> | null = null;
  exportResult: ExportResult = {
    files: [
      templateFile(),
      templateFile({
        name: "beskaeftigelse-2007_Skelbaekgade_2007.xlsx",
        centre: "Skelbækgade",
        centreName: "Jobcenter Skelbækgade",
      }),
    ],
    exportedAt: "2026-11-22T10:00:00Z",
    delivery: "download",
    summaryStale: false,
  };
  reviewResult: ImportReview = { files: [fileReview()], refused: [], skipped: [] };
  /** What applyImport answers; by default the counts of the review it is given. */
  importOutcome: ImportOutcome | null = null;
  exportGate: Promise<void> | null = null;
  definitionSheets: DefinitionSheet[] = [];
  /** What buildDefinition answers (by default: built, with buildResult). */
  definitionBuild: DefinitionBuild | null = null;
  /** Per-method failures: the method rejects (or throws) with this. */
  failures: Partial<Record<keyof WorkbookHost, unknown>> = {};

  readonly calls = {
    existingSheets: [] as string[][],
    build: [] as { ids: string[]; update: boolean }[],
    overview: 0,
    summary: 0,
    selectRow: [] as { sheet: string; row: number }[],
    unsubscribed: 0,
    exportTemplates: [] as { prefill: boolean }[],
    openTemplate: [] as string[],
    previewImport: [] as string[][],
    applyImport: [] as { review: ImportReview; choices: ImportChoices }[],
    addDraftDefinition: [] as DraftDefinition[],
    definitions: 0,
    newDefinition: [] as NewDefinitionSource[],
    buildDefinition: [] as { sheet: string; update: boolean; carryFromLastYear: boolean }[],
    selectCell: [] as { sheet: string; address: string }[],
  };
  /** When set, addDraftDefinition waits for it (to observe the pane mid-write). */
  draftGate: Promise<void> | null = null;

  private listeners = new Set<() => void>();

  contracts(): ContractChoice[] {
    this.fail("contracts");
    return this.contractList;
  }

  async existingSheets(contractIds: string[]): Promise<string[]> {
    this.calls.existingSheets.push(contractIds);
    this.fail("existingSheets");
    return this.existing;
  }

  async build(
    contractIds: string[],
    options: { update: boolean },
    onProgress?: (p: BuildProgress) => void,
  ): Promise<BuildResult> {
    this.calls.build.push({ ids: contractIds, update: options.update });
    for (const step of this.progressSteps) onProgress?.(step);
    if (this.buildGate) await this.buildGate;
    this.fail("build");
    return this.buildResult;
  }

  async overview(): Promise<CentreOverview[]> {
    this.calls.overview++;
    this.fail("overview");
    return this.overviewResult;
  }

  async summary(): Promise<void> {
    this.calls.summary++;
    if (this.summaryGate) await this.summaryGate;
    this.fail("summary");
  }

  async selectRow(sheet: string, row: number): Promise<void> {
    this.calls.selectRow.push({ sheet, row });
    this.fail("selectRow");
  }

  async onChanged(listener: () => void): Promise<() => void> {
    this.fail("onChanged");
    this.listeners.add(listener);
    return () => {
      this.calls.unsubscribed++;
      this.listeners.delete(listener);
    };
  }

  async exportTemplates(options: { prefill: boolean }): Promise<ExportResult> {
    this.calls.exportTemplates.push({ prefill: options.prefill });
    if (this.exportGate) await this.exportGate;
    this.fail("exportTemplates");
    return this.exportResult;
  }

  async openTemplate(file: TemplateFile): Promise<void> {
    this.calls.openTemplate.push(file.name);
    this.fail("openTemplate");
  }

  async previewImport(files: ReturnedFile[]): Promise<ImportReview> {
    this.calls.previewImport.push(files.map((f) => f.name));
    this.fail("previewImport");
    return this.reviewResult;
  }

  async applyImport(review: ImportReview, choices: ImportChoices): Promise<ImportOutcome> {
    this.calls.applyImport.push({ review, choices });
    this.fail("applyImport");
    if (this.importOutcome) return this.importOutcome;
    const fields = review.files.flatMap((f) => f.fields);
    const conflicts = fields.filter((f) => f.kind === "conflict");
    const kept = conflicts.filter(
      (f) => (choices.perConflict?.[f.key] ?? choices.conflicts) === "keep",
    ).length;
    const added = fields.filter((f) => f.kind === "new").length;
    return {
      kind: "applied",
      added,
      replaced: conflicts.length - kept,
      kept,
      unchanged: fields.filter((f) => f.kind === "unchanged").length,
      logRows: added + conflicts.length - kept,
      centres: review.files.map((f) => f.centre),
      summaryStale: false,
    };
  }

  async addDraftDefinition(draft: DraftDefinition): Promise<{ sheet: string }> {
    this.calls.addDraftDefinition.push(draft);
    if (this.draftGate) await this.draftGate;
    this.fail("addDraftDefinition");
    const sheet = `Definition ${draft.contract.id}`.slice(0, 31);
    this.definitionSheets = [...this.definitionSheets, { sheet, problems: [] }];
    return { sheet };
  }

  async definitions(): Promise<DefinitionSheet[]> {
    this.calls.definitions++;
    this.fail("definitions");
    return this.definitionSheets;
  }

  async newDefinition(source: NewDefinitionSource): Promise<string> {
    this.calls.newDefinition.push(source);
    this.fail("newDefinition");
    const name =
      source.kind === "builtin"
        ? `Definition ${source.id}`
        : source.kind === "nextYear"
          ? `${source.sheet} (næste år)`
          : "Definition ny";
    this.definitionSheets = [...this.definitionSheets, { sheet: name, problems: [] }];
    return name;
  }

  async buildDefinition(
    sheet: string,
    options: { update: boolean; carryFromLastYear: boolean },
    onProgress?: (p: BuildProgress) => void,
  ): Promise<DefinitionBuild> {
    this.calls.buildDefinition.push({ sheet, ...options });
    for (const step of this.progressSteps) onProgress?.(step);
    this.fail("buildDefinition");
    return this.definitionBuild ?? { kind: "built", result: this.buildResult };
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.calls.selectCell.push({ sheet, address });
    this.fail("selectCell");
  }

  /** Simulates the user typing in a contract sheet. */
  change(): void {
    for (const listener of this.listeners) listener();
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private fail(method: keyof WorkbookHost): void {
    if (method in this.failures) throw this.failures[method];
  }
}
