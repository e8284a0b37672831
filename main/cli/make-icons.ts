import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/**
 * `npm run icons`: draws the app icon (a white "N" on a rounded ink-blue square) and writes it in
 * every form electron-builder wants: assets/icon.png (1024 px), assets/icons/<n>x<n>.png for
 * Linux, assets/icon.ico for Windows and assets/icon.icns for macOS. Drawn in code, so the icon
 * needs no design tool and the files can be rebuilt exactly.
 */

const INK = [0x1d, 0x3a, 0x5f] as const;
const PAPER = [0xff, 0xff, 0xff] as const;
const SUPERSAMPLE = 4;

/** Which colour the point (u, v) in the unit square has: background, letter, or nothing. */
const shade = (u: number, v: number): 'ink' | 'paper' | null => {
  const margin = 0.06;
  const radius = 0.2;
  const x = Math.min(Math.max(u, margin + radius), 1 - margin - radius);
  const y = Math.min(Math.max(v, margin + radius), 1 - margin - radius);
  if ((u - x) ** 2 + (v - y) ** 2 > radius ** 2) return null;
  const left = 0.3;
  const right = 0.7;
  const stem = 0.1;
  const top = 0.26;
  const bottom = 0.74;
  if (v < top || v > bottom) return 'ink';
  if (u >= left && u <= left + stem) return 'paper';
  if (u >= right - stem && u <= right) return 'paper';
  // The diagonal runs from the top of the left stem to the bottom of the right one.
  const t = (v - top) / (bottom - top);
  const centre = left + stem / 2 + t * (right - left - stem);
  if (Math.abs(u - centre) <= stem * 0.62 && u >= left && u <= right) return 'paper';
  return 'ink';
};

const rgba = (size: number): Buffer => {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
        for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
          const colour = shade(
            (px + (sx + 0.5) / SUPERSAMPLE) / size,
            (py + (sy + 0.5) / SUPERSAMPLE) / size,
          );
          if (!colour) continue;
          const [cr, cg, cb] = colour === 'ink' ? INK : PAPER;
          r += cr;
          g += cg;
          b += cb;
          covered += 1;
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) {
        pixels[at] = Math.round(r / covered);
        pixels[at + 1] = Math.round(g / covered);
        pixels[at + 2] = Math.round(b / covered);
      }
      pixels[at + 3] = Math.round((255 * covered) / samples);
    }
  }
  return pixels;
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const crc32 = (data: Buffer): number => {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const chunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

export const encodePng = (size: number, pixels: Buffer): Buffer => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** An .ico holding PNG images (supported since Windows Vista), the largest 256 px. */
const encodeIco = (images: readonly { size: number; png: Buffer }[]): Buffer => {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size; // 0 means 256
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
};

/** An .icns with PNG members; the OS types name their pixel size. */
const ICNS_TYPES: Record<number, string> = {
  16: 'icp4',
  32: 'icp5',
  64: 'icp6',
  128: 'ic07',
  256: 'ic08',
  512: 'ic09',
  1024: 'ic10',
};

const encodeIcns = (images: readonly { size: number; png: Buffer }[]): Buffer => {
  const members = images.map(({ size, png }) => {
    const head = Buffer.alloc(8);
    head.write(ICNS_TYPES[size] ?? '', 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + members.reduce((sum, m) => sum + m.length, 0), 4);
  return Buffer.concat([head, ...members]);
};

const main = async (): Promise<void> => {
  const assets = join(process.cwd(), 'assets');
  const sizes = [16, 32, 48, 64, 128, 256, 512, 1024];
  const png = new Map(sizes.map((size) => [size, encodePng(size, rgba(size))]));
  const pick = (list: number[]) =>
    list.map((size) => ({ size, png: png.get(size) ?? Buffer.alloc(0) }));
  await mkdir(join(assets, 'icons'), { recursive: true });
  for (const size of sizes.filter((s) => s <= 512)) {
    await writeFile(join(assets, 'icons', `${size}x${size}.png`), png.get(size) ?? Buffer.alloc(0));
  }
  await writeFile(join(assets, 'icon.png'), png.get(1024) ?? Buffer.alloc(0));
  await writeFile(join(assets, 'icon.ico'), encodeIco(pick([16, 32, 48, 64, 128, 256])));
  await writeFile(join(assets, 'icon.icns'), encodeIcns(pick([16, 32, 64, 128, 256, 512, 1024])));
  console.log(`icons written to ${assets}`);
};

await main();
