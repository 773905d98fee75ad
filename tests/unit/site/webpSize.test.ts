/**
 * webpSize reads the size from each of the three WebP header layouts (the screenshots are lossy
 * 'VP8 ', but a regenerated picture with alpha would be 'VP8X'), and refuses what is not WebP.
 */
import {describe, expect, it} from 'vitest';
import {webpSize} from '../../../src/components/CheckScreenshot/webpSize';

function riff(chunk: string, body: number[]): Uint8Array {
  const bytes = new Uint8Array(30 + body.length);
  bytes.set([...'RIFF'].map((c) => c.charCodeAt(0)), 0);
  bytes.set([...'WEBP'].map((c) => c.charCodeAt(0)), 8);
  bytes.set([...chunk].map((c) => c.charCodeAt(0)), 12);
  return bytes;
}

describe('webpSize', () => {
  it("reads a lossy ('VP8 ') header", () => {
    const bytes = riff('VP8 ', []);
    bytes.set([0x9d, 0x01, 0x2a, 703 & 0xff, 703 >> 8, 2556 & 0xff, 2556 >> 8], 23);
    expect(webpSize(bytes)).toEqual({width: 703, height: 2556});
  });

  it("reads a lossless ('VP8L') header", () => {
    const bytes = riff('VP8L', []);
    const bits = (358 - 1) | ((3876 - 1) << 14);
    bytes.set([0x2f, bits & 0xff, (bits >>> 8) & 0xff, (bits >>> 16) & 0xff, (bits >>> 24) & 0xff], 20);
    expect(webpSize(bytes)).toEqual({width: 358, height: 3876});
  });

  it("reads an extended ('VP8X') header", () => {
    const bytes = riff('VP8X', []);
    bytes.set([(928 - 1) & 0xff, (928 - 1) >> 8, 0, (528 - 1) & 0xff, (528 - 1) >> 8, 0], 24);
    expect(webpSize(bytes)).toEqual({width: 928, height: 528});
  });

  it('refuses a PNG', () => {
    const png = new Uint8Array(40);
    png.set([0x89, 0x50, 0x4e, 0x47], 0);
    expect(() => webpSize(png)).toThrow('not a WebP file');
  });
});
