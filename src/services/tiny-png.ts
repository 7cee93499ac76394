/**
 * A minimal PNG encoder for small synthetic pictures (the demo portfolio): 8-bit RGB, no
 * interlace, every row with filter type 0, the pixels deflated with node:zlib. Follows the PNG
 * specification (W3C, second edition): signature, IHDR, IDAT and IEND chunks, each with a
 * CRC-32 over its type and data.
 */
import { deflateSync } from 'node:zlib';

/** A color as [red, green, blue], each 0..255. */
export type Rgb = readonly [number, number, number];

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Encodes a width × height picture whose pixel at (x, y) is `pixel(x, y)`.
 * Example: encodePng(1, 1, () => [255, 0, 0]) is a valid 1 × 1 red PNG of 69 bytes.
 */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // bit depth 8, color type 2 (RGB), deflate, filter 0, no interlace

  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y += 1) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x += 1) raw.set(pixel(x, y), row + 1 + x * 3);
  }

  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/**
 * CRC-32 (polynomial 0xEDB88320, reflected), as PNG chunks use it.
 * Example: crc32 of the bytes of "IEND" is 0xAE426082.
 */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
