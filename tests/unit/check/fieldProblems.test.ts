import {describe, expect, it} from 'vitest';
import {idFieldProblem} from '../../../src/check/fieldProblems';
import {normalizeGuid, normalizeTenant} from '../../../src/permissions/ids';

const APP_ID = '0d651e1f-b145-4b1c-8334-8eff5cdea961';

describe('the ID fields’ one rule (check form and support-link form)', () => {
  it.each([
    ['tenant', 'contoso.onmicrosoft.com'],
    ['tenant', ` {${APP_ID.toUpperCase()}}\t`],
    ['appId', `{${APP_ID}}`],
    ['appId', ` ${APP_ID}\n`],
  ] as const)('takes a %s as the engine normalizes it: %j', (field, value) => {
    expect(idFieldProblem(field, value, {optional: false})).toBeNull();
    expect((field === 'tenant' ? normalizeTenant : normalizeGuid)(value)).not.toBeNull();
  });

  it.each([
    ['tenant', 'contoso'],
    ['tenant', 'organizations'],
    ['appId', 'scanner'],
    ['appId', `{${APP_ID}`],
  ] as const)('refuses a %s the engine refuses: %j', (field, value) => {
    expect(idFieldProblem(field, value, {optional: true})).toMatch(/^Enter the /);
    expect((field === 'tenant' ? normalizeTenant : normalizeGuid)(value)).toBeNull();
  });

  it('words differ only by whether the field may stay empty', () => {
    expect(idFieldProblem('tenant', '', {optional: true})).toBeNull();
    expect(idFieldProblem('tenant', 'x', {optional: false})).toBe('Enter the tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com.');
    expect(idFieldProblem('tenant', 'x', {optional: true})).toBe(
      'Enter the tenant ID (a GUID) or a domain such as contoso.onmicrosoft.com, or leave the field empty.',
    );
    const required = 'Enter the application (client) ID from the Overview page of the app registration: a GUID such as 00000000-0000-0000-0000-000000000000.';
    expect(idFieldProblem('appId', '  ', {optional: false})).toBe(required);
    expect(idFieldProblem('appId', 'x', {optional: false})).toBe(required);
    expect(idFieldProblem('appId', 'x', {optional: true})).toBe(required.replace(/\.$/, ', or leave the field empty.'));
  });
});
