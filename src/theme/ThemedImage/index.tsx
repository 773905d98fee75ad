/**
 * ThemedImage (wrapped): lazy unless told otherwise, like Docusaurus' own Markdown images.
 *
 * Before hydration ThemedImage renders one <img> per theme (the other hidden by CSS), and a
 * browser fetches an eager <img> even when hidden. The site's themed images are the check's
 * screenshots (src/components/CheckScreenshot), far down the guides: eager, the 2.0 guide
 * downloaded both variants (about 300 KB) at once on load, beside main.js, and Lighthouse's
 * simulated slow 4G counted them before the first paragraph's paint (mobile LCP 1.0 s in some
 * runs, 2.8-3.3 s in others). Lazy, the browser fetches only the shown variant, once it comes
 * near the screen. An image at the top (a navbar or footer logo, which the site has none of)
 * can pass loading="eager".
 */
import React, {type ComponentProps} from 'react';
import ThemedImage from '@theme-original/ThemedImage';

type Props = ComponentProps<typeof ThemedImage>;

export default function ThemedImageWrapper(props: Props): React.JSX.Element {
  return <ThemedImage loading="lazy" {...props} />;
}
