// Text from a returned file (values, comments, file names) shown to a person: in a terminal an
// escape sequence could erase or fake the preview and conflict lines the economist decides on,
// and in the pane a direction override could turn a figure around. Such characters are shown as
// visible escapes (\n, \u001B); everything else is shown as it is.

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

// C0 and C1 controls, DEL, the direction marks, embeddings, overrides and isolates, the line and
// paragraph separators, and halves of a surrogate pair that has no other half.
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escape(ch: string): string {
  return NAMED[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The text with every control or direction character made visible. */
export function shownText(text: string): string {
  return text.replace(UNSAFE, escape);
}
