/**
 * Where things are in a JSON text, for messages that point into it: an offset as line and
 * column, every value's span by its JSON path, and a key written twice in one object. The one
 * JSON position scanner of the project (jsonc-parser's), shared by the manifest reader
 * (line and column of a duplicate key or a syntax error) and the remark plugins
 * (file:line:column of a problem in a permissions.json). Pure; runs in the browser too.
 *
 * Lines end at \n (so \r\n works too); lines and columns are 1-based, columns count UTF-16 code
 * units, as editors and vfile messages do.
 */
import {parseTree, visit, type Node} from 'jsonc-parser';

export interface TextPoint {
  line: number;
  column: number;
  offset: number;
}

export interface TextSpan {
  start: TextPoint;
  end: TextPoint;
}

/** Offsets where each line starts (the first at 0). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The point of an offset, given the text's line starts (binary search: one pass for many offsets). */
function pointAt(starts: readonly number[], offset: number): TextPoint {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return {line: low + 1, column: offset - starts[low]! + 1, offset};
}

/** The 1-based line and column of an offset (an offset past the end counts to the end). */
export function lineAndColumn(text: string, offset: number): {line: number; column: number} {
  const {line, column} = pointAt(lineStarts(text), offset);
  return {line, column};
}

/**
 * `['resources', 0, 'required', 2]` -> `resources[0].required[2]`: the engine's notation of a
 * JSON path, in ProfileError's paths and manifest errors (from a schema issue's path), and the
 * key of jsonValuePositions. splitJsonPath reads it back.
 */
export function formatJsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/**
 * Every value's span in a JSON text, keyed by its path in the engine's notation
 * (`resources[0].required[2].value`, '' for the root). Meant for text already parsed; in broken
 * JSON, the values read before the break are kept (a property with no value has no span).
 */
export function jsonValuePositions(text: string): Map<string, TextSpan> {
  const spans = new Map<string, TextSpan>();
  const starts = lineStarts(text);
  const pending: Array<{node: Node; path: Array<string | number>}> = [];
  // jsonc-parser reads a byte order mark as part of the token after it: a space keeps the offsets.
  const root = parseTree(text.replace(/^\uFEFF/, ' '));
  if (root) pending.push({node: root, path: []});
  while (pending.length > 0) {
    const {node, path} = pending.pop()!;
    const key = formatJsonPath(path);
    // A key the notation cannot tell apart ('', 'a.b') never hides the value already placed there.
    if (node.length >= 0 && !spans.has(key)) {
      spans.set(key, {start: pointAt(starts, node.offset), end: pointAt(starts, node.offset + node.length)});
    }
    const children = node.children ?? [];
    if (node.type === 'object') {
      for (const property of children) {
        const [name, value] = property.children ?? [];
        if (name && value) pending.push({node: value, path: [...path, String(name.value)]});
      }
    } else if (node.type === 'array') {
      children.forEach((child, index) => pending.push({node: child, path: [...path, index]}));
    }
  }
  return spans;
}

/** Splits an engine path (`resources[0].required[2].value`) into keys. */
export function splitJsonPath(path: string): Array<string | number> {
  const keys: Array<string | number> = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    keys.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  }
  return keys;
}

/**
 * The span of the value at `path`, or of its nearest parent that has one (a missing key is
 * reported at the object that lacks it); the start of the text when nothing matches.
 */
export function spanOfPath(spans: Map<string, TextSpan>, path: ReadonlyArray<string | number>): TextSpan {
  for (let length = path.length; length >= 0; length--) {
    const span = spans.get(formatJsonPath(path.slice(0, length)));
    if (span) return span;
  }
  const start = {line: 1, column: 1, offset: 0};
  return {start, end: start};
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
 * JSON; null when no key repeats.
 */
export function findDuplicateKey(text: string): DuplicateKey | null {
  const objects: Array<Set<string>> = [];
  let found: DuplicateKey | null = null;
  visit(text, {
    onObjectBegin: () => void objects.push(new Set()),
    onObjectEnd: () => void objects.pop(),
    onObjectProperty: (key, offset) => {
      const keys = objects[objects.length - 1];
      if (found || !keys) return;
      if (keys.has(key)) found = {key, offset};
      else keys.add(key);
    },
  });
  return found;
}
