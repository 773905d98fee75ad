/** Assertions shared by the scenario tests: the verdict, the problem rows, the untouched rows. */
import {expect} from 'vitest';
import type {CheckUi} from './checkUi';
import {rowsExpectedOk, type ExpectedOutcome} from './scenarios';

/** The word each status shows (never colour alone). */
export const STATUS_WORDS: Record<string, string> = {
  ok: 'OK',
  allowed: 'Allowed',
  missing: 'Missing',
  'wrong-type': 'Wrong type',
  'not-granted': 'Not granted',
  excess: 'Excess',
  unknown: 'Unknown',
};

export async function expectOutcome(ui: CheckUi, outcome: ExpectedOutcome): Promise<void> {
  expect(await ui.verdict.getAttribute('data-verdict')).toBe(outcome.verdict);
  const verdictWord = {pass: 'Pass', fail: 'Fail', incomplete: 'Incomplete'}[outcome.verdict];
  expect(await ui.verdictText()).toMatch(new RegExp(`^${verdictWord}\\b`));
  for (const row of [...outcome.rows, ...rowsExpectedOk(outcome)]) {
    const resource = row.resource ?? 'Microsoft Graph';
    const where = `${row.permission} (${row.type}) in ${String(resource)}`;
    const located = ui.row(row.permission, row.type, resource);
    expect(await located.count(), `one row for ${where}`).toBe(1);
    expect(await located.getAttribute('data-status'), `status of ${where}`).toBe(row.status);
    const statusCell = located.locator('td').last();
    expect(await statusCell.innerText(), `status word of ${where}`).toContain(STATUS_WORDS[row.status]);
  }
  if (outcome.setting) {
    const {status, settingOneOf} = outcome.setting;
    const settings = await ui.settingStatuses();
    expect(
      settings.some((item) => settingOneOf.includes(item.setting) && item.status === status),
      `a ${settingOneOf.join('/')} setting with status ${status} among ${JSON.stringify(settings)}`,
    ).toBe(true);
  }
}
