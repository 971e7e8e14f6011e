// A content hash for telling two returned files with the same bytes apart from two different
// ones: SHA-256 where the platform offers it (Node, and the browser on https or localhost); else
// a 64-bit FNV-1a with the length, which is enough to spot a file picked twice.
export async function contentHash(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    const digest = new Uint8Array(await subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
    return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i]!, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ bytes[bytes.length - 1 - i]!, 0x01000193) >>> 0;
  }
  return `${bytes.length}-${h1.toString(16)}-${h2.toString(16)}`;
}
