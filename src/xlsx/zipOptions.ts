// How every .xlsx file this product writes is compressed: one choice, for the built workbook, a
// filled one and one with a sheet added alike.

/**
 * Deflate is most of the time JSZip spends writing a workbook (measured: bench/cli.ts). Level 1
 * instead of JSZip's default 6 makes writing 200 centres' workbook about a quarter faster and
 * filling it in (which re-deflates every sheet it changes) about a sixth, for files about a
 * quarter larger (2.1 → 2.7 MB; the built-in contracts' file stays under 100 KB). The command
 * line deflates at the same level with Node's zlib (deflateStored.ts), the task pane with JSZip.
 */
export const ZIP_OPTIONS = { compression: "DEFLATE", compressionOptions: { level: 1 } } as const;

/** Every entry stored as it is, for deflateStored.ts to deflate with Node's own zlib (the command line). */
export const STORED_ZIP = { compression: "STORE" } as const;
