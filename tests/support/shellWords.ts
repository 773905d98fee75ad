/**
 * How PowerShell and cmd split a command line into arguments, for the quoting our printed
 * commands use (tests only: neither shell runs on our machines). Deliberately strict: anything
 * the shells would treat specially outside of a single-quoted string makes it throw, so a test
 * fails instead of guessing.
 *
 * PowerShell (about_Quoting_Rules, about_Parsing, argument mode): arguments are separated by
 * spaces; in a single-quoted string everything is literal and a quote is written twice; the
 * typographic quotes U+2018..U+201B end a single-quoted string just as `'` does, and
 * U+201C..U+201E are double quotes. Outside quotes, `$` expands a variable, `@` at the start
 * splats, a backtick escapes, `#` at the start of a word begins a comment, and `;|&(){}<>"` are
 * syntax. A comma outside quotes makes an array (allowed: `-Scopes A,B` is meant as one).
 */
const PS_SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);
const PS_DOUBLE_QUOTES = new Set(['"', '\u201c', '\u201d', '\u201e']);
const PS_SPECIAL_IN_BAREWORD = /[$`;|&(){}<>]/;

export function powershellWords(line: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === ' ') {
      i += 1;
      continue;
    }
    let word = '';
    const start = i;
    while (i < line.length && line[i] !== ' ') {
      const c = line[i]!;
      if (PS_SINGLE_QUOTES.has(c)) {
        i += 1;
        for (;;) {
          if (i >= line.length) throw new Error(`unterminated single-quoted string at ${start}`);
          const q = line[i]!;
          if (PS_SINGLE_QUOTES.has(q)) {
            if (PS_SINGLE_QUOTES.has(line[i + 1] ?? '')) {
              word += "'";
              i += 2;
              continue;
            }
            i += 1;
            break;
          }
          word += q;
          i += 1;
        }
        continue;
      }
      if (PS_DOUBLE_QUOTES.has(c)) throw new Error(`double-quoted string at ${i}: PowerShell expands $ and \` inside it`);
      if (PS_SPECIAL_IN_BAREWORD.test(c)) throw new Error(`"${c}" outside quotes at ${i} is PowerShell syntax`);
      if (i === start && (c === '@' || c === '#')) throw new Error(`"${c}" starts a word at ${i}: PowerShell syntax`);
      word += c;
      i += 1;
    }
    words.push(word);
  }
  return words;
}

/**
 * cmd.exe: arguments split at spaces; `&|<>^%` and `"` are syntax or change what follows, and
 * a single quote is an ordinary character that would reach the program. Strict as above.
 */
export function cmdWords(line: string): string[] {
  const bad = /[&|<>^%"']/.exec(line);
  if (bad) throw new Error(`"${bad[0]}" at ${bad.index} means something to cmd`);
  return line.split(/ +/).filter(Boolean);
}
