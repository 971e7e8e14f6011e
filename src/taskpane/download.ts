// Saves a file through the browser: a Blob behind an object URL, clicked as an <a download>.
// (Excel on Mac cannot do this from a task pane; the host says so and the pane opens files instead.)

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function downloadFile(
  name: string,
  bytes: Uint8Array,
  type = name.toLowerCase().endsWith(".zip") ? "application/zip" : XLSX_TYPE,
): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers read the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
