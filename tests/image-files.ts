/** Image files for tests: real headers, so that a size reader (image-size) reads them as a browser would. */
import { encodeIndexedPng } from "../src/lib/social-image.ts";

/** A PNG of `width` × `height` white pixels. */
export function pngFile(width: number, height: number): Buffer {
  return encodeIndexedPng(new Uint8Array(width * height), width, height, Buffer.from([255, 255, 255]));
}

/**
 * The start of a JPEG as a camera writes it: an EXIF block with its orientation (6: turned a quarter,
 * as a phone held upright stores it), then the frame header with the stored `width` × `height`.
 */
export function jpegHeader(width: number, height: number, orientation = 1): Buffer {
  const u16 = (n: number): number[] => [n >> 8, n & 0xff];
  // TIFF, big-endian: one entry, Orientation (0x0112), SHORT, count 1, value, then no next IFD.
  const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, ...u16(1), 0x01, 0x12, 0, 3, 0, 0, 0, 1, ...u16(orientation), 0, 0];
  const exif = [...Buffer.from("Exif\0\0", "latin1"), ...tiff, 0, 0, 0, 0];
  const frame = [8, ...u16(height), ...u16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([
    0xff,
    0xd8,
    0xff,
    0xe1,
    ...u16(exif.length + 2),
    ...exif,
    0xff,
    0xc0,
    ...u16(frame.length + 2),
    ...frame,
    0xff,
    0xd9,
  ]);
}
