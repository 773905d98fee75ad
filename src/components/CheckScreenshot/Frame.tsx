/**
 * The frame of <CheckScreenshot />, without Docusaurus: a striped frame, the label drawn on the
 * picture's corner, and the caption. The picture (one <img> per theme) comes as children.
 */
import React from 'react';
import styles from './styles.module.css';

export const DEFAULT_LABEL = 'Screenshot of a sample check';

export interface ScreenshotFrameProps {
  /** The label on the picture; default "Screenshot of a sample check". */
  label?: string;
  /** The caption under the frame. */
  caption?: React.ReactNode;
  /** The picture; give it the class `imageClassName`. */
  children: React.ReactNode;
}

/** The class the picture takes inside the frame (no zoom cursor, its own border). */
export const imageClassName = styles.image;

/** The picture per theme: the light one in both themes when there is no dark one. */
export function themedSources(light: string, dark?: string): {light: string; dark: string} {
  return {light, dark: dark ?? light};
}

export default function ScreenshotFrame({label = DEFAULT_LABEL, caption, children}: ScreenshotFrameProps): React.JSX.Element {
  return (
    <figure className={styles.figure} data-check-screenshot="">
      <div className={styles.frame}>
        <p className={styles.label}>{label}</p>
        {children}
      </div>
      {caption ? <figcaption className={styles.caption}>{caption}</figcaption> : null}
    </figure>
  );
}
