/**
 * Renders the highlighting CodeBlock content (the classic theme's, with Prism): handed down by
 * ./highlighted.tsx to the code block it renders; null everywhere else, where ./index.tsx
 * renders the block plain.
 */
import {createContext, type ReactNode} from 'react';
import type {Props} from '@theme/CodeBlock/Content';

export const HighlighterContext = createContext<((props: Props) => ReactNode) | null>(null);
