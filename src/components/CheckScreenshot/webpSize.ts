/**
 * The pixel size a WebP file declares in its header, for the screenshot size manifest and the
 * test that keeps it true (no image library: the three header layouts are a few bytes each).
 *   'VP8 '  lossy: 14-bit width and height after the frame's start code (bytes 26 and 28)
 *   'VP8L'  lossless: 14-bit width-1 and height-1 packed after the signature byte (byte 21)
 *   'VP8X'  extended (alpha, animation): 24-bit width-1 and height-1 (bytes 24 and 27)
 */
export interface ImageSize {
  width: number;
  height: number;
}

export function webpSize(bytes: Uint8Array): ImageSize {
  const ascii = (start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
  if (bytes.length < 30 || ascii(0, 4) !== 'RIFF' || ascii(8, 12) !== 'WEBP') throw new Error('not a WebP file');
  const u16 = (at: number) => bytes[at] | (bytes[at + 1] << 8);
  const u24 = (at: number) => bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
  const chunk = ascii(12, 16);
  if (chunk === 'VP8 ') return {width: u16(26) & 0x3fff, height: u16(28) & 0x3fff};
  if (chunk === 'VP8L') {
    const bits = (bytes[21] | (bytes[22] << 8) | (bytes[23] << 16) | (bytes[24] << 24)) >>> 0;
    return {width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1};
  }
  if (chunk === 'VP8X') return {width: u24(24) + 1, height: u24(27) + 1};
  throw new Error(`unknown WebP chunk "${chunk}"`);
}
