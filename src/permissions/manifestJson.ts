/**
 * JSON text helpers for the manifest reader: where and why a text is not valid JSON, where an
 * offset is as line and column, and which key repeats within one object. Pure.
 *
 * Also the limits of what the check reads, shared by the page (paste and upload), the engine and
 * permcheck, with the words each of them shows: the size (MAX_MANIFEST_BYTES), the nesting
 * (MAX_JSON_DEPTH), and text that is UTF-16 read as UTF-8; and decodeManifestBytes, which reads a
 * file's bytes as UTF-8 or UTF-16 as its BOM or NUL pattern says. This module loads without the
 * engine's catalog, so the page can check a paste as it happens.
 */
// ---------------------------------------------------------------------------------------------
// Limits

/** The largest manifest read, in bytes of UTF-8 (a real one is a few kilobytes): file, paste or CLI. */
export const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;

/** The deepest nesting read (a real manifest nests fewer than 10 levels). */
export const MAX_JSON_DEPTH = 64;

/** The one message for a manifest over MAX_MANIFEST_BYTES, wherever it came from. */
export const MANIFEST_TOO_LARGE =
  `This is too large to be an app manifest (more than ${MAX_MANIFEST_BYTES / (1024 * 1024)} MB; a real one is a few kilobytes). ` +
  'Use the JSON from the Manifest page: Entra admin center > App registrations > your app > Manifest.';

/** For text with NUL characters: UTF-16 read as UTF-8. Names the encoding, never shows the NUL. */
export const NUL_IN_TEXT =
  'This text contains NUL characters: it looks like a UTF-16 file read as UTF-8. Save the manifest as UTF-8, or upload the file instead.';

export function tooDeeplyNested(depth: number): string {
  return (
    `This JSON nests ${depth} levels deep (more than ${MAX_JSON_DEPTH}); an app manifest nests fewer than 10. ` +
    'Paste the manifest from the Manifest page.'
  );
}

/** Whether a text is more than MAX_MANIFEST_BYTES once written as UTF-8 (without encoding it). */
export function exceedsManifestSize(text: string): boolean {
  if (text.length > MAX_MANIFEST_BYTES) return true; // every character is at least one byte
  if (text.length * 3 <= MAX_MANIFEST_BYTES) return false; // and at most three (a pair of surrogates: four for two)
  let bytes = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xdc00 && code <= 0xdfff ? 1 : 3;
    if (bytes > MAX_MANIFEST_BYTES) return true;
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
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
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

// ---------------------------------------------------------------------------------------------
// Syntax

export interface JsonSyntaxProblem {
  offset: number;
  reason: string;
}

/**
 * Finds where and why JSON text is invalid (JSON.parse's messages differ between engines, do not
 * always give a position and may quote the whole input). Returns null for valid JSON.
 * Iterative, with its own stack of open brackets: no nesting, however deep, overflows the call stack.
 */
export function locateJsonError(text: string): JsonSyntaxProblem | null {
  let i = 0;
  const fail = (reason: string, at = i): never => {
    throw {offset: at, reason} satisfies JsonSyntaxProblem;
  };
  const describe = (at: number): string => {
    if (at >= text.length) return 'the end of the text';
    const c = text[at];
    if (c === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) return 'a comment (JSON allows none)';
    if (c === "'") return "a single quote (JSON strings use double quotes)";
    return `'${c}'`;
  };
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${describe(i)} (expected a value)`);
  };
  const string = () => {
    i++; // opening quote
    while (i < text.length) {
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('bad \\u escape in a string');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          fail(`bad escape '\\${e ?? ''}' in a string`);
        }
        continue;
      }
      if (c < ' ') fail(c === '\n' ? 'a line break inside a string (missing closing quote?)' : 'a control character inside a string');
      i++;
    }
    fail('a string that never ends (missing closing quote)');
  };
  const numberPattern = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
  const number = () => {
    numberPattern.lastIndex = i;
    const match = numberPattern.exec(text);
    if (!match) fail(`unexpected ${describe(i)} (expected a value)`);
    i += match![0].length;
  };
  /** The arrays and objects open around the current position, innermost last. */
  const open: Array<'[' | '{'> = [];
  /** Reads a property name and its colon, at the start of an object's member. */
  const member = () => {
    skipSpace();
    if (text[i] === '}') fail("a comma before '}' (JSON allows no trailing comma)");
    if (text[i] !== '"') fail(`unexpected ${describe(i)} (expected a property name in double quotes)`);
    string();
    skipSpace();
    if (text[i] !== ':') fail(`unexpected ${describe(i)} (expected ':' after the property name)`);
    i++;
  };
  /** Reads one value; true when it opened a non-empty array or object (its first value comes next). */
  const value = (): boolean => {
    skipSpace();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      skipSpace();
      if (text[i] === close) {
        i++;
        return false;
      }
      open.push(c);
      if (c === '{') member();
      return true;
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail(`unexpected ${describe(i)} (expected a value)`);
    return false;
  };
  try {
    for (;;) {
      if (value()) continue;
      // A value ended: close what it ends, up to the container that continues after a comma.
      let more = false;
      while (open.length > 0 && !more) {
        const container = open[open.length - 1]!;
        const close = container === '{' ? '}' : ']';
        skipSpace();
        if (text[i] === ',') {
          i++;
          if (container === '{') member();
          else {
            skipSpace();
            if (text[i] === ']') fail("a comma before ']' (JSON allows no trailing comma)");
          }
          more = true;
        } else if (text[i] === close) {
          i++;
          open.pop();
        } else {
          fail(`unexpected ${describe(i)} (expected ',' or '${close}'; is a comma missing?)`);
        }
      }
      if (!more) break;
    }
    skipSpace();
    if (i < text.length) fail(`unexpected ${describe(i)} after the end of the JSON value`);
    return null;
  } catch (problem) {
    if (problem && typeof problem === 'object' && 'offset' in problem) return problem as JsonSyntaxProblem;
    throw problem;
  }
}

/** The 1-based line and column of an offset (a line ends at \n, so \r\n works too). */
export function lineAndColumn(text: string, offset: number): {line: number; column: number} {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return {line, column: offset - lineStart + 1};
}

export interface DuplicateKey {
  /** The key as JSON.parse reads it (escapes resolved). */
  key: string;
  /** Offset of the second occurrence's opening quote. */
  offset: number;
}

/**
 * The first key that occurs twice in one object, at any depth (JSON.parse silently keeps the
 * last one). Keys compare exactly, after unescaping (as JSON.parse reads them). Expects valid
 * JSON; null when no key repeats. One pass with its own stack: no recursion, no parser library
 * (this module loads with the page, ahead of the engine).
 */
export function findDuplicateKey(text: string): DuplicateKey | null {
  /** Per open bracket, innermost last: the keys seen so far in an object; null for an array. */
  const open: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (c === '"') {
      const start = k;
      for (k++; k < text.length && text[k] !== '"'; k++) if (text[k] === '\\') k++;
      const keys = open[open.length - 1];
      if (!expectKey || !keys) continue;
      expectKey = false;
      let key: string;
      try {
        key = JSON.parse(text.slice(start, k + 1)) as string;
      } catch {
        continue; // not valid JSON: not this function's question
      }
      if (keys.has(key)) return {key, offset: start};
      keys.add(key);
    } else if (c === '{') {
      open.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      open.push(null);
      expectKey = false;
    } else if (c === '}' || c === ']') {
      open.pop();
      expectKey = false;
    } else if (c === ',') {
      expectKey = Boolean(open[open.length - 1]);
    }
  }
  return null;
}
