#!/usr/bin/env node
// Draws the add-in's ribbon and manifest icons (a green contract sheet with three ticked lines)
// and writes them as PNG with Node's own zlib, so the project needs no image dependency.
// Usage: node scripts/make-icons.js [outDir]   (default: assets/)
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
// Supersampling grid per pixel: smooth edges without an anti-aliasing rasteriser.
const SAMPLES = 6;

const GREEN = [0x1e, 0x7b, 0x45];
const GREEN_DARK = [0x14, 0x55, 0x30];
const FOLD = [0x8f, 0xc9, 0xa3];
const WHITE = [0xff, 0xff, 0xff];

// The drawing lives in unit coordinates (0..1, y downwards) and is scaled to each size.
const DOC = { x0: 0.14, y0: 0.05, x1: 0.86, y1: 0.95, r: 0.07, fold: 0.22 };
const ROWS = [0.39, 0.6, 0.81];

function insideRoundedRect(x, y, { x0, y0, x1, y1, r }) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The colour at a point of the drawing, or null where it is transparent. */
function colourAt(x, y, size) {
  // Strokes get relatively thicker on small icons, or they vanish at 16 px.
  const stroke = size <= 16 ? 0.075 : size <= 32 ? 0.06 : 0.05;
  const border = size <= 16 ? 0.07 : 0.045;
  const { x0, y0, x1, fold } = DOC;
  // Folded corner: the triangle above the diagonal is cut away, the one below is the flap.
  const cornerX = x1 - fold;
  const cornerY = y0 + fold;
  const inCorner = x > cornerX && y < cornerY;
  const aboveDiagonal = inCorner && x - cornerX > y - y0;
  if (!insideRoundedRect(x, y, DOC) || aboveDiagonal) return null;
  if (inCorner) {
    const nearDiagonal = Math.abs(x - cornerX - (y - y0)) < border * 0.9;
    return nearDiagonal ? GREEN_DARK : FOLD;
  }
  const inner = { x0: x0 + border, y0: y0 + border, x1: x1 - border, y1: DOC.y1 - border, r: DOC.r * 0.6 };
  if (!insideRoundedRect(x, y, inner)) return GREEN_DARK;
  for (const row of ROWS) {
    // A tick on the left...
    const t1 = distanceToSegment(x, y, 0.24, row - 0.005, 0.3, row + 0.055);
    const t2 = distanceToSegment(x, y, 0.3, row + 0.055, 0.41, row - 0.07);
    if (Math.min(t1, t2) <= stroke / 2) return WHITE;
    // ...and a text bar on the right.
    if (x >= 0.48 && x <= 0.76 && Math.abs(y - row) <= stroke / 2) return WHITE;
  }
  return GREEN;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        // Average colour over the covered samples; coverage becomes alpha (straight alpha).
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
      }
    }
  }
  return rgba;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  // zlib.crc32: Node ≥ 20.15 (package.json engines), the PNG chunk checksum.
  crc.writeUInt32BE(zlib.crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  // Each scanline starts with filter type 0 (None).
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, render, SIZES };
