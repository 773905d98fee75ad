/**
 * A code block from a string (wrapped): Prism only for a language it highlights.
 *
 * The classic theme renders every code block through prism-react-renderer, whose module builds
 * a Prism with some 40 languages as it loads: about 35 KB gzip, and on a guide the longest task
 * after hydration on Lighthouse's mobile CPU. This site's code blocks are bash, powershell and
 * text, which that Prism has no grammar for and leaves plain: they render as before, their
 * content plain without prism-react-renderer (./index.tsx, ./Plain.tsx). A block in a language it
 * knows (./prismLanguages.ts) renders the classic theme's own block with Prism from a chunk of
 * its own (./highlighted.tsx): on the server before the page is written; in the browser the
 * server's HTML stays, not yet hydrated, until that chunk is there, so the block's word-wrap
 * effects only run once it is (reached by a link, the plain block shows meanwhile).
 */
import React, {lazy, Suspense} from 'react';
import {useThemeConfig} from '@docusaurus/theme-common';
import {parseLanguage} from '@docusaurus/theme-common/internal';
import OriginalCodeBlockString from '@theme-original/CodeBlock/Content/String';
import type {Props} from '@theme/CodeBlock/Content/String';
import {needsPrism} from './prismLanguages';

const HighlightedCodeBlockString = lazy(() => import('./highlighted'));

export default function CodeBlockString(props: Props): React.JSX.Element {
  const {prism} = useThemeConfig();
  // As the theme's createCodeBlockMetadata picks it.
  const language = props.language ?? parseLanguage(props.className) ?? prism.defaultLanguage ?? 'text';
  if (!needsPrism(language)) return <OriginalCodeBlockString {...props} />;
  return (
    <Suspense fallback={<OriginalCodeBlockString {...props} />}>
      <HighlightedCodeBlockString {...props} />
    </Suspense>
  );
}
