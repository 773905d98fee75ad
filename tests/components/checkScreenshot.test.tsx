import './setup';
import React from 'react';
import {describe, expect, it} from 'vitest';
import {render, screen, within} from '@testing-library/react';
import ScreenshotFrame, {DEFAULT_LABEL, imageClassName, themedSources} from '../../src/components/CheckScreenshot/Frame';

const ALT = 'A finished sample check with the verdict Fail: 2 problems to fix.';

/** The picture as ThemedImage renders it before hydration: one <img> per theme. */
function Pictures({light, dark, alt}: {light: string; dark?: string; alt: string}): React.JSX.Element {
  const sources = themedSources(light, dark);
  return (
    <>
      <img className={imageClassName} src={sources.light} alt={alt} data-theme-variant="light" />
      <img className={imageClassName} src={sources.dark} alt={alt} data-theme-variant="dark" />
    </>
  );
}

describe('<CheckScreenshot /> (a screenshot that cannot be taken for the live check)', () => {
  it('frames the picture with the label on it, keeps the alt text, and captions it', () => {
    const {container} = render(
      <ScreenshotFrame caption="Screenshot: a failing check on the sample tenant.">
        <Pictures light="/img/screenshots/check-sample-fail-light.webp" dark="/img/screenshots/check-sample-fail-dark.webp" alt={ALT} />
      </ScreenshotFrame>,
    );
    // (Browsers name the figure after its caption; jsdom does not compute that.)
    const figure = screen.getByRole('figure');
    expect(figure.querySelector('figcaption')?.textContent).toBe('Screenshot: a failing check on the sample tenant.');
    expect(figure.hasAttribute('data-check-screenshot'), 'the zoom plugin skips pictures inside [data-check-screenshot]').toBe(true);
    expect(DEFAULT_LABEL).toBe('Screenshot of a sample check');
    const label = within(figure).getByText(DEFAULT_LABEL);
    const images = within(figure).getAllByRole('img', {name: ALT});
    expect(images).toHaveLength(2);
    // The label shares the frame with the picture (it is drawn over it) and comes first in reading order.
    for (const image of images) {
      expect(image.parentElement).toBe(label.parentElement);
      expect(label.compareDocumentPosition(image) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    expect(images.map((image) => [image.dataset.themeVariant, image.getAttribute('src')])).toEqual([
      ['light', '/img/screenshots/check-sample-fail-light.webp'],
      ['dark', '/img/screenshots/check-sample-fail-dark.webp'],
    ]);
    expect(container.querySelectorAll('figcaption')).toHaveLength(1);
    // Nothing in it can be clicked or focused: it is a picture, not a check.
    expect(container.querySelectorAll('button, a, input, select, textarea, [tabindex]')).toHaveLength(0);
  });

  it('shows the light picture in both themes when there is no dark one, and takes another label', () => {
    render(
      <ScreenshotFrame label="Screenshot of the check opened from a sample link">
        <Pictures light="/img/screenshots/check-support-link-light.webp" alt="The check opened from a support link." />
      </ScreenshotFrame>,
    );
    // The label sits in the frame, beside the picture it labels.
    expect(screen.getByText('Screenshot of the check opened from a sample link').closest('figure, div')?.querySelector('img')).not.toBeNull();
    expect(screen.queryByText(DEFAULT_LABEL)).toBeNull();
    const sources = screen.getAllByRole('img', {name: 'The check opened from a support link.'}).map((image) => image.getAttribute('src'));
    expect(sources).toEqual(['/img/screenshots/check-support-link-light.webp', '/img/screenshots/check-support-link-light.webp']);
    expect(document.querySelector('figcaption')).toBeNull();
  });
});
