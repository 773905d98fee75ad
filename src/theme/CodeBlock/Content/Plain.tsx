/**
 * A code block as prism-react-renderer's <Highlight> renders it for a language it has no
 * grammar for (every line one "token plain", the theme's plain colours), with Docusaurus' own
 * <Line> and classes, but without importing prism-react-renderer: its module builds a Prism
 * with some 40 languages as it loads (about 35 KB gzip, and the longest task of a guide page
 * on Lighthouse's mobile CPU after hydration), for code that it would leave plain anyway.
 * Same markup as the original (class names, styles, empty lines), so nothing looks different.
 */
import React, {forwardRef, type ComponentProps} from 'react';
import clsx from 'clsx';
import {usePrismTheme} from '@docusaurus/theme-common';
import {useCodeBlockContext} from '@docusaurus/theme-common/internal';
import Line, {type Props as LineProps} from '@theme/CodeBlock/Line';
import type {Props} from '@theme/CodeBlock/Content';
import {plainLines} from './prismLanguages';
// The original's own CSS module, so the classes are the very same.
import styles from '@docusaurus/theme-classic/lib/theme/CodeBlock/Content/styles.module.css';

type GetLineProps = LineProps['getLineProps'];
type GetTokenProps = LineProps['getTokenProps'];

const Pre = forwardRef<HTMLPreElement, ComponentProps<'pre'>>((props, ref) => (
  // tabIndex as the original's: the block scrolls by keyboard.
  <pre ref={ref} tabIndex={0} {...props} className={clsx(props.className, styles.codeBlock, 'thin-scrollbar')} />
));
Pre.displayName = 'Pre';

export default function PlainCodeBlockContent({className: classNameProp}: Props): React.JSX.Element {
  const {metadata, wordWrap} = useCodeBlockContext();
  const {codeBlockRef} = wordWrap;
  const theme = usePrismTheme();
  const {code, lineNumbersStart, lineClassNames} = metadata;
  const language = metadata.language?.toLowerCase() ?? 'text';
  // themeToDict: the block's style is the theme's plain style; each line's, the same without background.
  const lineStyle = {...theme.plain, backgroundColor: undefined};
  const getLineProps: GetLineProps = ({className, style, line: _line, ...rest}) => ({
    ...rest,
    className: clsx('token-line', className),
    style: {...lineStyle, ...style},
  });
  const getTokenProps: GetTokenProps = ({token, className, style, ...rest}) => {
    const tokenStyle = token.empty != null ? {display: 'inline-block'} : undefined;
    return {
      ...rest,
      className: clsx('token', ...token.types, className),
      children: token.content,
      style: style != null ? {...tokenStyle, ...style} : tokenStyle,
    };
  };
  return (
    <Pre ref={codeBlockRef} className={clsx(classNameProp, `prism-code language-${language}`)} style={theme.plain}>
      <code
        className={clsx(styles.codeBlockLines, lineNumbersStart !== undefined && styles.codeBlockLinesWithNumbering)}
        style={{counterReset: lineNumbersStart === undefined ? undefined : `line-count ${lineNumbersStart - 1}`}}
      >
        {plainLines(code).map((line, i) => (
          <Line
            key={i}
            line={line}
            getLineProps={getLineProps}
            getTokenProps={getTokenProps}
            classNames={lineClassNames[i]}
            showLineNumbers={lineNumbersStart !== undefined}
          />
        ))}
      </code>
    </Pre>
  );
}
