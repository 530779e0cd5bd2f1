// Reads a PNG's pixels (8-bit RGB or RGBA, not interlaced: what resvg writes) with zlib alone, so
// a test can say a chart image is not blank and holds the colours it should.

import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, four bytes a pixel. */
  rgba: Uint8Array;
}

export function readPng(png: Uint8Array): Pixels {
  const bytes = Buffer.from(png);
  if (bytes.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs are read');
      channels = { 2: 3, 6: 4 }[body[9]] ?? 0;
      if (channels === 0) throw new Error(`PNG colour type ${body[9]} is not read`);
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) unfilter(raw, y, stride, channels, rows);
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) rgba[i * 4 + c] = rows[i * channels + c];
    rgba[i * 4 + 3] = channels === 4 ? rows[i * channels + 3] : 255;
  }
  return { width, height, rgba };
}

function unfilter(raw: Buffer, y: number, stride: number, bpp: number, out: Uint8Array): void {
  const filter = raw[y * (stride + 1)];
  const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
  const at = y * stride;
  for (let x = 0; x < stride; x++) {
    const left = x >= bpp ? out[at + x - bpp] : 0;
    const up = y > 0 ? out[at - stride + x] : 0;
    const upLeft = y > 0 && x >= bpp ? out[at - stride + x - bpp] : 0;
    const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
    out[at + x] = (line[x] + predictor) & 0xff;
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** The share of pixels that are not (near) white. */
export function inkShare({ rgba }: Pixels): number {
  let ink = 0;
  for (let i = 0; i < rgba.length; i += 4) if (rgba[i] < 240 || rgba[i + 1] < 240 || rgba[i + 2] < 240) ink += 1;
  return ink / (rgba.length / 4);
}

/** How many pixels are within a few levels of a colour such as '#c00000'. */
export function pixelsOf({ rgba }: Pixels, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16));
  let count = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (Math.abs(rgba[i] - r) <= 6 && Math.abs(rgba[i + 1] - g) <= 6 && Math.abs(rgba[i + 2] - b) <= 6) count += 1;
  }
  return count;
}
