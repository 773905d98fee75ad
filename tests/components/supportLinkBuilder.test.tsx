import './setup';
import React from 'react';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {fireEvent, render, screen, waitFor} from '@testing-library/react';
import SupportLinkForm from '../../src/components/SupportLinkBuilder/SupportLinkForm';
import {parseSupportLinkParams} from '../../src/check/supportLink';

const APP_ID = '8c3f0a0e-5b7d-4e52-9d2a-0c6f1f4b7a21';

function renderForm(initialVersion = '1.0') {
  render(
    <SupportLinkForm
      guide="office365"
      versions={['2.0', '1.0', 'current']}
      latestVersion="2.0"
      initialVersion={initialVersion}
      origin="https://docs.example.com"
      baseUrl="/"
    />,
  );
  return {
    link: () => (screen.getByLabelText('Link to send') as HTMLInputElement).value,
    type: (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), {target: {value}}),
  };
}

describe('<SupportLinkBuilder /> (the form on the "For support" page)', () => {
  it('builds a link the /check page accepts whole, starting on the page version', () => {
    const form = renderForm('1.0');
    form.type("Customer's tenant ID or domain", ' contoso.onmicrosoft.com ');
    form.type("Customer's application (client) ID", APP_ID);
    expect(form.link()).toBe(`https://docs.example.com/check?guide=office365&version=1.0&tenant=contoso.onmicrosoft.com&appId=${APP_ID}`);
    const parsed = parseSupportLinkParams(new URL(form.link()).search, {
      versionsByGuide: new Map([['office365', ['2.0', '1.0', 'current']]]),
      latestVersion: '2.0',
    });
    expect(parsed).toMatchObject({guide: 'office365', version: '1.0', tenant: 'contoso.onmicrosoft.com', appId: APP_ID, ignored: []});
  });

  it('names a bad value next to its field, marks it invalid, and keeps it out of the link', () => {
    const form = renderForm('2.0');
    form.type("Customer's application (client) ID", 'not-a-guid');
    const input = screen.getByLabelText("Customer's application (client) ID");
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(input.getAttribute('aria-describedby')!);
    expect(error?.textContent).toBe(
      'Enter the application (client) ID from the Overview page of the app registration: a GUID such as 00000000-0000-0000-0000-000000000000, or leave the field empty.',
    );
    expect(form.link()).toBe('https://docs.example.com/check?guide=office365&version=2.0');
  });

  it('offers every version, the latest release marked, and "next (unreleased)" for the unreleased one', () => {
    const form = renderForm('2.0');
    const options = Array.from((screen.getByLabelText('Guide version') as HTMLSelectElement).options).map((o) => o.textContent);
    expect(options).toEqual(['2.0 (latest release)', '1.0', 'next (unreleased)']);
    fireEvent.change(screen.getByLabelText('Guide version'), {target: {value: 'current'}});
    expect(form.link()).toContain('version=next');
  });

  it('takes IDs in braces or with spaces around them, and puts the bare lower-case GUID in the link', () => {
    const form = renderForm('2.0');
    const tenantId = '9573F57E-48ED-48E8-ABAD-D472C3712D11';
    form.type("Customer's tenant ID or domain", ` {${tenantId}} `);
    form.type("Customer's application (client) ID", `{${APP_ID.toUpperCase()}}\n`);
    for (const label of ["Customer's tenant ID or domain", "Customer's application (client) ID"]) {
      expect(screen.getByLabelText(label).getAttribute('aria-invalid')).toBeNull();
    }
    expect(form.link()).toBe(`https://docs.example.com/check?guide=office365&version=2.0&tenant=${tenantId.toLowerCase()}&appId=${APP_ID}`);
  });
});

describe('<SupportLinkBuilder /> copying the link', () => {
  const clipboard: string[] = [];
  beforeEach(() => {
    clipboard.length = 0;
    Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {writeText: async (text: string) => void clipboard.push(text)}});
  });
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'clipboard');
  });
  const status = () => screen.getByRole('status').textContent;
  const copyButton = () => screen.getByRole('button', {name: 'Copy support link'}) as HTMLButtonElement;

  it('copies a valid link and says so', async () => {
    const form = renderForm('2.0');
    form.type("Customer's application (client) ID", APP_ID);
    fireEvent.click(copyButton());
    await waitFor(() => expect(status()).toBe('Link copied to the clipboard.'));
    expect(clipboard).toEqual([form.link()]);
  });

  it('refuses to copy while the app ID is invalid, says why, and takes focus to the field', async () => {
    const form = renderForm('2.0');
    form.type("Customer's tenant ID or domain", 'contoso.onmicrosoft.com');
    form.type("Customer's application (client) ID", 'not-a-guid');
    expect(copyButton().disabled).toBe(false); // focusable, so the reason can be heard
    fireEvent.click(copyButton());
    await waitFor(() =>
      expect(status()).toBe('Not copied: the application (client) ID is not a GUID. Fix the field marked above.'),
    );
    expect(clipboard).toEqual([]);
    const field = screen.getByLabelText("Customer's application (client) ID");
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // The field's description is its problem, as a screen reader reads it on focus.
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/^Enter the application \(client\) ID /);
  });

  it('names every invalid field and takes focus to the first', async () => {
    const form = renderForm('2.0');
    form.type("Customer's tenant ID or domain", 'contoso');
    form.type("Customer's application (client) ID", '1234');
    fireEvent.click(copyButton());
    await waitFor(() =>
      expect(status()).toBe(
        'Not copied: the tenant is not a tenant ID (GUID) or a domain name, and the application (client) ID is not a GUID. Fix the fields marked above.',
      ),
    );
    expect(clipboard).toEqual([]);
    expect(document.activeElement).toBe(screen.getByLabelText("Customer's tenant ID or domain"));
    // Fixed, the link copies.
    form.type("Customer's tenant ID or domain", 'contoso.com');
    form.type("Customer's application (client) ID", APP_ID);
    fireEvent.click(copyButton());
    await waitFor(() => expect(status()).toBe('Link copied to the clipboard.'));
    expect(clipboard).toEqual([form.link()]);
  });

  it('says a refusal again on a second click (emptied first, so it is heard again)', async () => {
    const form = renderForm('2.0');
    form.type("Customer's application (client) ID", 'x');
    fireEvent.click(copyButton());
    await waitFor(() => expect(status()).toMatch(/^Not copied/));
    fireEvent.click(copyButton());
    expect(status()).toBe('');
    await waitFor(() => expect(status()).toMatch(/^Not copied/));
  });
});
