/**
 * The limits of what the check reads, shared by the page (paste and upload), the engine and
 * permcheck, with the words each of them shows: the size (MAX_MANIFEST_BYTES; MAX_ANSWER_BYTES
 * for pasted command output), the nesting (MAX_JSON_DEPTH), and text that is UTF-16 read as
 * UTF-8; and decodeManifestBytes, which reads a file's bytes as UTF-8 or UTF-16 as its BOM or NUL
 * pattern says. Small and free of the engine's
 * catalog and JSON scanners, so the page can check a paste as it happens.
 */
// ---------------------------------------------------------------------------------------------
// Limits

/** The largest manifest read, in bytes of UTF-8 (a real one is a few kilobytes): file, paste or CLI. */
export const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;

/**
 * The largest answer of the admin's own tools read (pastedAnswer.ts), in bytes of UTF-8.
 * Microsoft Graph's own service principal, with every app role and scope and their
 * descriptions, is about 1 MB as Azure CLI indents it, and the first batch names every API of
 * the guide: far more room than a manifest needs.
 */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024;

/** The deepest nesting read (a real manifest nests fewer than 10 levels). */
export const MAX_JSON_DEPTH = 64;

/** The one message for a manifest over MAX_MANIFEST_BYTES, wherever it came from. */
export const MANIFEST_TOO_LARGE =
  `This is too large to be an app manifest (more than ${MAX_MANIFEST_BYTES / (1024 * 1024)} MB; a real one is a few kilobytes). ` +
  'Use the JSON from the Manifest page: Entra admin center > App registrations > your app > Manifest.';

/** For text with NUL characters: UTF-16 read as UTF-8. Names the encoding, never shows the NUL. */
const NUL_IN_TEXT =
  'This text contains NUL characters: it looks like a UTF-16 file read as UTF-8. Save the manifest as UTF-8, or upload the file instead.';

export function tooDeeplyNested(depth: number): string {
  return (
    `This JSON nests ${depth} levels deep (more than ${MAX_JSON_DEPTH}); an app manifest nests fewer than 10. ` +
    'Paste the manifest from the Manifest page.'
  );
}

/** Whether a text is more than `limit` bytes (MAX_MANIFEST_BYTES) once written as UTF-8 (without encoding it). */
export function exceedsManifestSize(text: string, limit: number = MAX_MANIFEST_BYTES): boolean {
  if (text.length > limit) return true; // every character is at least one byte
  if (text.length * 3 <= limit) return false; // and at most three (a pair of surrogates: four for two)
  let bytes = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xdc00 && code <= 0xdfff ? 1 : 3;
    if (bytes > limit) return true;
  }
  return false;
}

/**
 * Why a manifest's text is refused before it is parsed (too large, or UTF-16 read as UTF-8), or
 * null. Cheap enough to run on every change of a text field.
 */
export function manifestTextProblem(text: string): string | null {
  if (exceedsManifestSize(text)) return MANIFEST_TOO_LARGE;
  if (text.includes('\u0000')) return NUL_IN_TEXT;
  return null;
}

/**
 * How deep arrays and objects nest in a text, counting brackets outside strings (unclosed ones
 * too): one linear pass, no parsing, no recursion.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (inString) {
      if (c === 0x5c /* \ */) k++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if ((c === 0x5d || c === 0x7d) /* ] } */ && depth > 0) {
      depth--;
    }
  }
  return deepest;
}

export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE';

/** Which encoding a file's bytes are in: by its byte order mark, else by where its NUL bytes fall. */
function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8';
  // Without a BOM: JSON's brackets, quotes, digits and spaces are ASCII, so UTF-16 puts a NUL
  // byte beside most of them: after each in UTF-16LE, before each in UTF-16BE. UTF-8 has none.
  const pairs = Math.min(bytes.length, 512) >> 1;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let k = 0; k < pairs; k++) {
    if (bytes[2 * k] === 0) evenNuls++;
    if (bytes[2 * k + 1] === 0) oddNuls++;
  }
  if (oddNuls * 2 >= pairs && evenNuls * 8 < oddNuls && pairs > 0) return 'UTF-16LE';
  if (evenNuls * 2 >= pairs && oddNuls * 8 < evenNuls && pairs > 0) return 'UTF-16BE';
  return 'UTF-8';
}

/**
 * A manifest file's bytes as text: UTF-8, or UTF-16 (little- or big-endian) as Windows
 * PowerShell's Out-File and Notepad's "Unicode" save it. The byte order mark is dropped.
 */
export function decodeManifestBytes(input: Uint8Array | ArrayBuffer): {text: string; encoding: TextEncodingName} {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const encoding = detectEncoding(bytes);
  if (encoding === 'UTF-8') return {text: new TextDecoder('utf-8').decode(bytes), encoding};
  let littleEndian = bytes;
  if (encoding === 'UTF-16BE') {
    // Swapped to little-endian: every runtime's TextDecoder reads UTF-16LE.
    littleEndian = new Uint8Array(bytes.length);
    for (let k = 0; k + 1 < bytes.length; k += 2) {
      littleEndian[k] = bytes[k + 1]!;
      littleEndian[k + 1] = bytes[k]!;
    }
    if (bytes.length % 2 === 1) littleEndian[bytes.length - 1] = bytes[bytes.length - 1]!;
  }
  return {text: new TextDecoder('utf-16le').decode(littleEndian), encoding};
}
