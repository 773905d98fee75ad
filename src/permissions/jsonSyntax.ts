/**
 * Where and why a text is not valid JSON, in words a person pasting a manifest can act on.
 * Pure. Positions of values and duplicate keys are in jsonPositions.ts; the input limits in
 * manifestInput.ts.
 *
 * Hand-written rather than jsonc-parser's scanner: its error codes do not say "a comma before
 * '}'" or "a comment (JSON allows none)", and its parser recurses, so 100,000 open brackets
 * would overflow the call stack; this one keeps its own stack.
 */

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
