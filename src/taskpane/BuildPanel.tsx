// Builds the chosen contracts: asks before it touches sheets that already exist, shows progress.
import { Button, MessageBar, MessageBarBody, ProgressBar, Spinner, Text } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useState } from "react";
import { useStrings } from "./i18n";
import { FailureBoundary } from "./FailureBoundary";
import type { BuildProgress, BuildResult, WorkbookHost } from "../host/workbookHost";
import { paneClass } from "./paneClasses";

const loadConfirmDialog = () => import("./ConfirmUpdateDialog");
const ConfirmUpdateDialog = lazy(() => loadConfirmDialog().then((m) => ({ default: m.ConfirmUpdateDialog })));

type Phase = { kind: "idle" } | { kind: "checking" } | { kind: "building"; progress: BuildProgress | null };

/** The pending question; kept (with open false) after an answer so the dialog can close itself. */
interface Confirmation {
  open: boolean;
  ids: string[];
  sheets: string[];
}

export interface BuildPanelProps {
  host: WorkbookHost;
  contractIds: string[];
  onError: (error: unknown) => void;
  onBuilt?: (result: BuildResult) => void;
  /** Tells the parent to lock the contract picker while a build is under way. */
  onBusyChange?: (busy: boolean) => void;
}

export function BuildPanel({ host, contractIds, onError, onBuilt, onBusyChange }: BuildPanelProps) {
  const t = useStrings();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [leftOver, setLeftOver] = useState<Pick<BuildResult, "orphaned" | "skipped" | "notes">>({});
  const busy = phase.kind !== "idle" || confirmation?.open === true;

  useEffect(() => {
    onBusyChange?.(busy);
  }, [busy, onBusyChange]);

  const build = async (ids: string[], update: boolean) => {
    setPhase({ kind: "building", progress: null });
    // A late progress callback must not bring the bar back after the build has ended.
    let finished = false;
    try {
      const result = await host.build(ids, { update }, (progress) => {
        if (!finished) setPhase({ kind: "building", progress });
      });
      setDone(t.buildDone(result));
      setLeftOver({ orphaned: result.orphaned, skipped: result.skipped, notes: result.notes });
      onBuilt?.(result);
    } catch (error) {
      onError(error);
    } finally {
      finished = true;
      setPhase({ kind: "idle" });
    }
  };

  const start = async () => {
    const ids = [...contractIds];
    setDone(null);
    setLeftOver({});
    setPhase({ kind: "checking" });
    // Fetch the dialog's code while Excel answers, so the question appears without a wait.
    void loadConfirmDialog().catch(() => undefined);
    let existing: string[];
    try {
      existing = await host.existingSheets(ids);
    } catch (error) {
      onError(error);
      setPhase({ kind: "idle" });
      return;
    }
    if (existing.length > 0) {
      setPhase({ kind: "idle" });
      setConfirmation({ open: true, ids, sheets: existing });
    } else {
      await build(ids, false);
    }
  };

  const progress = phase.kind === "building" ? phase.progress : null;
  const progressLabel = progress?.label || t.building;

  return (
    <section className={paneClass.stack}>
      <Button
        appearance="primary"
        disabled={busy || contractIds.length === 0}
        onClick={() => void start()}
        className={paneClass.start}
      >
        {t.buildButton}
      </Button>
      {phase.kind === "checking" && <Spinner size="tiny" labelPosition="after" label={t.checkingSheets} />}
      {phase.kind === "building" && (
        <div>
          <ProgressBar
            aria-label={progressLabel}
            max={1}
            // Indeterminate until the host reports how far it is.
            value={progress && progress.total > 0 ? progress.done / progress.total : undefined}
          />
          <Text size={200} aria-live="polite">
            {progressLabel}
          </Text>
        </div>
      )}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {leftOver.orphaned && leftOver.orphaned.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t.orphanedHeading}
            <ul className={paneClass.list}>
              {leftOver.orphaned.map((o) => (
                <li key={`${o.sheet}-${o.id}`}>{t.orphanedLine(o)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {leftOver.notes?.map((note) => (
        <MessageBar key={note} intent="warning" layout="multiline">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      ))}
      {leftOver.skipped && leftOver.skipped.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t.skippedHeading} {leftOver.skipped.join("; ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {confirmation && (
        <FailureBoundary
          loadFailedMessage={t.loadFailed}
          onError={(error) => {
            onError(error);
            setConfirmation(null);
          }}
        >
          <Suspense fallback={confirmation.open ? <Spinner size="tiny" /> : null}>
            <ConfirmUpdateDialog
              open={confirmation.open}
              sheets={confirmation.sheets}
              onConfirm={() => {
                setConfirmation({ ...confirmation, open: false });
                void build(confirmation.ids, true);
              }}
              onCancel={() => setConfirmation({ ...confirmation, open: false })}
            />
          </Suspense>
        </FailureBoundary>
      )}
    </section>
  );
}
