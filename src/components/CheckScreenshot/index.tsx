/**
 * <CheckScreenshot />: a screenshot of the permission check that nobody can take for the live
 * check. It sits in a striped frame, with a label on the picture itself ("Screenshot of a
 * sample check") that stays in view while a tall screenshot scrolls by, shows the dark-theme
 * PNG in the dark theme where there is one, and is not zoomable (zoomed, the bare picture
 * would lose its frame and label; see `zoom` in docusaurus.config.ts). Usable in any guide's
 * MDX without an import (registered in src/theme/MDXComponents.tsx).
 *
 *   <CheckScreenshot
 *     light="/img/screenshots/check-sample-fail-light.png"
 *     dark="/img/screenshots/check-sample-fail-dark.png"
 *     alt="A finished sample check with the verdict Fail: …"
 *     caption="Screenshot: what a failing check looks like."
 *   />
 */
import React from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import ThemedImage from '@theme/ThemedImage';
import ScreenshotFrame, {imageClassName, themedSources} from './Frame';

export interface CheckScreenshotProps {
  /** The light-theme PNG, as a site path (`/img/screenshots/…-light.png`). */
  light: string;
  /** The dark-theme PNG, where there is one; the light one shows in both themes otherwise. */
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
  return (
    <ScreenshotFrame label={label} caption={caption}>
      <ThemedImage className={imageClassName} sources={{light: lightUrl, dark: darkUrl}} alt={alt} />
    </ScreenshotFrame>
  );
}
