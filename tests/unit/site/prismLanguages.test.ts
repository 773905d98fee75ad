/**
 * Code blocks render without Prism unless their language needs it (src/theme/CodeBlock/Content):
 * the list of languages that need it is the installed prism-react-renderer's, and the plain
 * rendering's lines are the very tokens prism-react-renderer makes for code it leaves plain.
 */
import {describe, expect, it} from 'vitest';
import {normalizeTokens, Prism} from 'prism-react-renderer';
import {needsPrism, PLAIN_TEXT_LANGUAGES, plainLines, PRISM_LANGUAGES} from '../../../src/theme/CodeBlock/Content/prismLanguages';

const SAMPLES = [
  'one line',
  'two\nlines',
  'trailing newline\n',
  '\n\nleading empty lines',
  'middle\n\n\nempty lines',
  'windows\r\nline ends\r\n',
  'old mac\rline ends',
  '',
  '  indented\n\tand tabbed  ',
];

describe('code blocks without Prism', () => {
  it("lists exactly the languages prism-react-renderer's Prism has a grammar for", () => {
    const grammars = Object.keys(Prism.languages).filter((name) => typeof Prism.languages[name] === 'object');
    expect(new Set(grammars)).toEqual(new Set([...PRISM_LANGUAGES, ...PLAIN_TEXT_LANGUAGES]));
  });

  it("needs Prism for a language it highlights, in any case, and not for this site's bash, powershell and text", () => {
    expect(needsPrism('json')).toBe(true);
    expect(needsPrism('TypeScript')).toBe(true);
    for (const language of ['bash', 'powershell', 'shell', 'text', 'plaintext', 'txt', 'plain', '']) expect(needsPrism(language), language).toBe(false);
  });

  it('makes the lines prism-react-renderer makes of code without a grammar', () => {
    for (const code of SAMPLES) expect(plainLines(code), JSON.stringify(code)).toEqual(normalizeTokens([code]));
  });

  it("makes the lines prism-react-renderer makes for the plain-text languages (whose grammar is empty)", () => {
    for (const language of PLAIN_TEXT_LANGUAGES) {
      for (const code of SAMPLES) expect(plainLines(code), `${language} ${JSON.stringify(code)}`).toEqual(normalizeTokens(Prism.tokenize(code, Prism.languages[language]!)));
    }
  });
});
