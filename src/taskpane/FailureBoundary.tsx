// Catches a failure while loading or rendering part of the pane (e.g. a code chunk that could not
// be downloaded) and reports it to the error bar, instead of letting React unmount the whole pane.
import { Component } from "react";
import type { ErrorInfo, ReactNode } from "react";

/** webpack's ChunkLoadError: a lazy chunk could not be downloaded (its English text means nothing to a user). */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error && (error.name === "ChunkLoadError" || /loading (css )?chunk/i.test(error.message))
  );
}

export interface FailureBoundaryProps {
  /** Receives a Danish/English error for the MessageBar. */
  onError: (error: Error) => void;
  /** The user-facing text for a failed load, from i18n. */
  loadFailedMessage: string;
  children: ReactNode;
}

export class FailureBoundary extends Component<FailureBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, _info: ErrorInfo): void {
    this.props.onError(isChunkLoadError(error) ? new Error(this.props.loadFailedMessage) : error);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
