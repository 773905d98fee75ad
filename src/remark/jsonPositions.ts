/**
 * Where each value of a JSON text starts and ends (line and column, 1-based), by JSON path,
 * so that a problem in a permissions.json can be reported as file:line:column.
 *
 * Paths use the engine's notation (`resources[0].required[2].value`, '' for the root), the
 * same as ProfileError's problem paths. The text is assumed to be valid JSON (it has been
 * parsed before we look for positions); on a syntax error, the values found so far are kept.
 */

export interface TextPoint {
  line: number;
  column: number;
  offset: number;
}

export interface TextSpan {
  start: TextPoint;
  end: TextPoint;
}

/** `['resources', 0, 'required', 2]` -> `resources[0].required[2]` */
export function jsonPathKey(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out;
}

/** Every value's span in a JSON text, keyed by its path. */
export function jsonValuePositions(text: string): Map<string, TextSpan> {
  const spans = new Map<string, TextSpan>();
  let offset = 0;
  let line = 1;
  let column = 1;

  const point = (): TextPoint => ({line, column, offset});
  const advance = (): void => {
    if (text[offset] === '\n') {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
    offset += 1;
  };
  const skipSpace = (): void => {
    while (offset < text.length && /[\s\uFEFF]/.test(text[offset])) advance();
  };
  const expect = (char: string): void => {
    if (text[offset] !== char) throw new SyntaxError(`expected ${char} at ${line}:${column}`);
    advance();
  };
  const readString = (): string => {
    const start = offset;
    expect('"');
    while (offset < text.length && text[offset] !== '"') {
      if (text[offset] === '\\') advance();
      advance();
    }
    expect('"');
    return JSON.parse(text.slice(start, offset)) as string;
  };

  const readValue = (path: Array<string | number>): void => {
    skipSpace();
    const start = point();
    const char = text[offset];
    if (char === '{') {
      advance();
      skipSpace();
      while (text[offset] !== '}') {
        skipSpace();
        const key = readString();
        skipSpace();
        expect(':');
        readValue([...path, key]);
        skipSpace();
        if (text[offset] === ',') advance();
        else break;
        skipSpace();
      }
      expect('}');
    } else if (char === '[') {
      advance();
      skipSpace();
      let index = 0;
      while (text[offset] !== ']') {
        readValue([...path, index]);
        index += 1;
        skipSpace();
        if (text[offset] === ',') advance();
        else break;
        skipSpace();
      }
      expect(']');
    } else if (char === '"') {
      readString();
    } else {
      // number, true, false, null
      if (!/[-\d.eE+a-z]/.test(char ?? '')) throw new SyntaxError(`unexpected ${char ?? 'end of text'} at ${line}:${column}`);
      while (offset < text.length && /[-\d.eE+a-z]/.test(text[offset])) advance();
    }
    spans.set(jsonPathKey(path), {start, end: point()});
  };

  try {
    readValue([]);
  } catch {
    // Keep what was found; the caller falls back to the nearest known parent.
  }
  return spans;
}

/** Splits an engine path (`resources[0].required[2].value`) into keys. */
export function splitJsonPath(path: string): Array<string | number> {
  const keys: Array<string | number> = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    keys.push(match[2] !== undefined ? Number(match[2]) : match[1]);
  }
  return keys;
}

/**
 * The span of the value at `path`, or of its nearest parent that has one (a missing key is
 * reported at the object that lacks it); the start of the text when nothing matches.
 */
export function spanOfPath(spans: Map<string, TextSpan>, path: ReadonlyArray<string | number>): TextSpan {
  for (let length = path.length; length >= 0; length--) {
    const span = spans.get(jsonPathKey(path.slice(0, length)));
    if (span) return span;
  }
  const start = {line: 1, column: 1, offset: 0};
  return {start, end: start};
}
