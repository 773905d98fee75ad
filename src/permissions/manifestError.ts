/**
 * What the manifest reader says when it refuses an input: ManifestError, where to export a
 * manifest from, and how a value from the input is quoted (as data, never as markup).
 */

export const WHERE_TO_EXPORT = 'Export it from Entra admin center > App registrations > your app > Manifest.';

/** Input that is not an app manifest; the message says what was expected. */
export class ManifestError extends Error {
  /** 1-based line and column of a JSON syntax error, when known. */
  readonly line?: number;
  readonly column?: number;

  constructor(message: string, position?: {line: number; column: number}) {
    super(message);
    this.name = 'ManifestError';
    if (position) {
      this.line = position.line;
      this.column = position.column;
    }
  }
}

/** Text from the input, shortened and with control and format characters escaped: data, not markup. */
export function quoteInputText(value: string, maxChars = 60): string {
  const chars = Array.from(value);
  const shown = chars.length > maxChars ? `${chars.slice(0, maxChars).join('')}…` : value;
  const escaped = shown.replace(/["\\]|[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, (c) =>
    c === '"' || c === '\\' ? `\\${c}` : `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
  return `"${escaped}"`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true/false';
  return typeof value === 'object' ? 'an object' : 'missing';
}
