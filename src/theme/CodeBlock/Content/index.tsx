/**
 * CodeBlock content (replaced): plain, without prism-react-renderer (./Plain.tsx), except inside
 * a block that ./String.tsx sent to Prism, which hands the highlighting content down.
 */
import React, {useContext} from 'react';
import type {Props} from '@theme/CodeBlock/Content';
import {HighlighterContext} from './highlighterContext';
import PlainCodeBlockContent from './Plain';

export default function CodeBlockContent(props: Props): React.ReactNode {
  const renderHighlighted = useContext(HighlighterContext);
  return renderHighlighted ? renderHighlighted(props) : <PlainCodeBlockContent {...props} />;
}
