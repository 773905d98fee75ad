/**
 * Pasting as an admin does: the text copied with the keyboard (Ctrl+C) from the page's
 * selection, then Ctrl+V into the box, so the browser's own paste path fills it (paste and
 * input events, React's onChange). Not locator.fill: Chromium inserts multi-line text line by
 * line, in time that grows with the square of the lines, and a command's output (Microsoft
 * Graph's app roles and scopes) runs to tens of thousands of lines.
 */
import type {Locator} from 'playwright-core';

const SOURCE_ID = '__e2e-paste-source';

/**
 * Replaces the content of `target` (a textarea or input) with `text` through the clipboard.
 * A selection drops the text's trailing line breaks (a terminal's copy does too); anything
 * else lost on the way fails here.
 */
export async function paste(target: Locator, text: string): Promise<void> {
  const page = target.page();
  // The clipboard's source: a <pre> of the text at the end of the page, selected.
  await page.evaluate(
    ({id, value}) => {
      (document.activeElement as HTMLElement | null)?.blur();
      const source = document.createElement('pre');
      source.id = id;
      source.textContent = value;
      document.body.appendChild(source);
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    },
    {id: SOURCE_ID, value: text},
  );
  await page.keyboard.press('Control+C');
  await page.evaluate((id) => {
    document.getElementById(id)?.remove();
    window.getSelection()?.removeAllRanges();
  }, SOURCE_ID);
  await target.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  const pasted = await target.inputValue();
  const expected = text.replace(/[\r\n]+$/, '');
  if (pasted !== expected) {
    throw new Error(`The paste did not arrive whole: ${pasted.length} characters in the box, ${expected.length} copied.`);
  }
}
