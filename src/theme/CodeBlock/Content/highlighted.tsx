/**
 * A code block with Prism: the classic theme's own CodeBlock string rendering, with its
 * highlighting content handed down (./highlighterContext.ts). Its own chunk, loaded by
 * ./String.tsx only for a block in a language Prism highlights.
 */
import React from 'react';
import OriginalCodeBlockString from '@theme-original/CodeBlock/Content/String';
import HighlightingContent from '@theme-original/CodeBlock/Content';
import type {Props as ContentProps} from '@theme/CodeBlock/Content';
import type {Props} from '@theme/CodeBlock/Content/String';
import {HighlighterContext} from './highlighterContext';

const renderHighlighted = (props: ContentProps) => <HighlightingContent {...props} />;

export default function HighlightedCodeBlockString(props: Props): React.JSX.Element {
  return (
    <HighlighterContext.Provider value={renderHighlighted}>
      <OriginalCodeBlockString {...props} />
    </HighlighterContext.Provider>
  );
}
