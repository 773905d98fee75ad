/**
 * axe-core in the page: injected with page.evaluate (not a <script> tag, which the site's
 * Content-Security-Policy would rightly refuse), run over the whole document.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {AxeResults} from 'axe-core';
import type {Page} from 'playwright-core';
import {REPO_ROOT} from './site';

const AXE_SOURCE = readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolationSummary {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Serious and critical violations of the page as it is now, in a form that reads well in a diff. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolationSummary[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as {axe: {run: (context: unknown, options: unknown) => Promise<AxeResults>}}).axe;
    const result = await axe.run(document, {resultTypes: ['violations']});
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
