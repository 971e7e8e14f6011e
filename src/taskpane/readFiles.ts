// The files the user picked, as names and bytes for the host.
import type { ReturnedFile } from "../templates/importTypes";

function bytesOf(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  // Older webviews (and jsdom) have no Blob.arrayBuffer: FileReader does the same.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(`Filen "${file.name}" kunne ikke læses.`));
    reader.readAsArrayBuffer(file);
  });
}

export async function readPickedFiles(list: FileList | File[]): Promise<ReturnedFile[]> {
  const files = Array.from(list);
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: await bytesOf(f) })));
}
