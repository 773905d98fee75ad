/**
 * <CheckScreenshot />: a screenshot of the permission check that nobody can take for the live
 * check. It sits in a striped frame, with a label on the picture itself ("Screenshot of a
 * sample check") that stays in view while a tall screenshot scrolls by, shows the dark-theme
 * WebP in the dark theme where there is one, has the width and height of the picture (from
 * sizes.json, so its box is reserved before it loads), and is not zoomable (zoomed, the bare picture
 * would lose its frame and label; see `zoom` in docusaurus.config.ts). Usable in any guide's
 * MDX without an import (registered in src/theme/MDXComponents.tsx).
 *
 *   <CheckScreenshot
 *     light="/img/screenshots/check-sample-fail-light.webp"
 *     dark="/img/screenshots/check-sample-fail-dark.webp"
 *     alt="A finished sample check with the verdict Fail: …"
 *     caption="Screenshot: what a failing check looks like."
 *   />
 */
import React from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import ThemedImage from '@theme/ThemedImage';
import ScreenshotFrame, {imageClassName, themedSources} from './Frame';
import {screenshotSize} from './sizes';

export interface CheckScreenshotProps {
  /** The light-theme picture, as a site path (`/img/screenshots/…-light.webp`). */
  light: string;
  /** The dark-theme picture (same size), where there is one; the light one shows in both themes otherwise. */
  dark?: string;
  /** What the screenshot shows, for people who cannot see it. */
  alt: string;
  /** The label on the picture; default "Screenshot of a sample check". */
  label?: string;
  /** The caption under the frame. */
  caption?: React.ReactNode;
}

export default function CheckScreenshot({light, dark, alt, label, caption}: CheckScreenshotProps): React.JSX.Element {
  const sources = themedSources(light, dark);
  const lightUrl = useBaseUrl(sources.light);
  const darkUrl = useBaseUrl(sources.dark);
  // Both variants of a screenshot have one size (the test of sizes.json checks it).
  const size = screenshotSize(sources.light);
  return (
    <ScreenshotFrame label={label} caption={caption}>
      <ThemedImage
        className={imageClassName}
        sources={{light: lightUrl, dark: darkUrl}}
        alt={alt}
        width={size?.width}
        height={size?.height}
      />
    </ScreenshotFrame>
  );
}
