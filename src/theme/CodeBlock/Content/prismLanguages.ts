/**
 * The languages the Prism that prism-react-renderer bundles can highlight (prism-react-renderer
 * 2.4.1, `Object.keys(Prism.languages)` less its helper functions and the plain-text names).
 * tests/unit/site/prismLanguages.test.ts checks this against the installed package.
 *
 * A code block in any other language (this site's bash, powershell and text) comes out of
 * prism-react-renderer as plain lines (plainLines below), so ./String.tsx renders it without
 * loading Prism at all.
 */
export const PLAIN_TEXT_LANGUAGES = ['plain', 'plaintext', 'text', 'txt'] as const;

export const PRISM_LANGUAGES: ReadonlySet<string> = new Set([
  'markup', 'html', 'mathml', 'svg', 'xml', 'ssml', 'atom', 'rss', 'regex', 'clike', 'javascript',
  'js', 'actionscript', 'coffeescript', 'coffee', 'javadoclike', 'css', 'yaml', 'yml', 'markdown',
  'md', 'graphql', 'sql', 'typescript', 'ts', 'jsdoc', 'flow', 'n4js', 'n4jsd', 'jsx', 'tsx',
  'swift', 'kotlin', 'kt', 'kts', 'c', 'objectivec', 'objc', 'reason', 'rust', 'go', 'cpp',
  'python', 'py', 'json', 'webmanifest',
]);

/** Whether a code block in this language needs Prism (prism-react-renderer) to look as it should. */
export function needsPrism(language: string): boolean {
  return PRISM_LANGUAGES.has(language.toLowerCase());
}

/** A line's piece of code, as prism-react-renderer's tokens are. */
export interface PlainToken {
  types: string[];
  content: string;
  empty?: boolean;
}

const NEWLINE = /\r\n|\r|\n/;

/**
 * What prism-react-renderer makes of code it has no grammar for (normalizeTokens([code])): one
 * plain token a line, and an empty line as "\n" marked empty.
 */
export function plainLines(code: string): PlainToken[][] {
  return code.split(NEWLINE).map((content) => [content === '' ? {types: ['plain'], content: '\n', empty: true} : {types: ['plain'], content}]);
}
