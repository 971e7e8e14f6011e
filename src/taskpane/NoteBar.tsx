// The note a panel leaves when it goes back to idle: what was written, that it was cancelled, or
// why it failed. One look for every panel's outcome (the import section uses it too).
import { MessageBar, MessageBarBody } from "@fluentui/react-components";

export interface PaneNote {
  intent: "success" | "info" | "error";
  text: string;
}

export function NoteBar({ note }: { note: PaneNote | undefined }) {
  if (!note) return null;
  return (
    <MessageBar intent={note.intent} layout="multiline">
      <MessageBarBody>{note.text}</MessageBarBody>
    </MessageBar>
  );
}
