/**
 * Values from manifests, tenants, links and command lines are data: before they reach an output
 * they are escaped for it, so they can neither style nor fake what is around them.
 *   terminalSafe   a terminal: no control character (ESC, BEL, OSC …), no bidi or invisible
 *                  format character, shown instead as \u{…}
 *   markdownText   markdown (GFM) running text and table cells: no link, image, autolink, HTML,
 *                  heading, emphasis or table break can come from a value
 * Pure functions. JSON stays JSON: reports.ts's terminalSafeJson writes what JSON.stringify
 * leaves raw (C1 controls, format characters) as \u escapes.
 */

/** C0 and C1 controls, DEL, format characters (bidi overrides, zero-width), line and paragraph separators. */
const UNSAFE_IN_TERMINAL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

function visible(c: string): string {
  return `\\u{${c.codePointAt(0)!.toString(16)}}`;
}

/** Text safe to print to a terminal. Line breaks stay when `keepLineBreaks` (multi-line commands). */
export function terminalSafe(text: string, {keepLineBreaks = false}: {keepLineBreaks?: boolean} = {}): string {
  return text.replace(UNSAFE_IN_TERMINAL, (c) => (keepLineBreaks && c === '\n' ? c : visible(c)));
}

/**
 * Markdown-significant ASCII punctuation: escaped with a backslash (CommonMark allows it for any
 * ASCII punctuation), so `![x](…)`, `[x](…)`, `<html>`, `# heading`, `*emphasis*`, `|` cell
 * breaks and `&entities;` stay text.
 */
const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()<>#+!|~&"$^=]/g;

/** U+2060 WORD JOINER: invisible, neither space nor punctuation. */
const JOINER = '\u2060';

/**
 * Text for GFM running text or a table cell. Besides the punctuation above, GFM autolink
 * literals (`https://…`, `www.…`, `user@host`) are disarmed: GFM finds them in the decoded text,
 * after escapes and character references, so an invisible word joiner goes where the literal
 * would continue (`https:⁠//`, `www⁠.`, `@⁠host`). Line breaks become spaces.
 */
export function markdownText(text: string): string {
  return terminalSafe(text.replace(/\r\n?|\n/g, ' '))
    .replace(MARKDOWN_PUNCTUATION, (c) => `\\${c}`)
    .replace(/(https?:|\bwww)(?=\\?[./])/gi, `$1${JOINER}`)
    .replace(/@/g, `@${JOINER}`);
}
