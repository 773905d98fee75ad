import './setup';
import React from 'react';
import {describe, expect, it} from 'vitest';
import {fireEvent, render, screen} from '@testing-library/react';
import SupportLinkForm from '../../src/components/SupportLinkBuilder/SupportLinkForm';
import {parseSupportLinkParams} from '../../src/components/PermissionCheck/supportLink';

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
    expect(error?.textContent).toMatch(/Application \(client\) ID: a GUID/);
    expect(form.link()).toBe('https://docs.example.com/check?guide=office365&version=2.0');
  });

  it('offers every version, the latest release marked, and "next" for the unreleased one', () => {
    const form = renderForm('2.0');
    const options = Array.from((screen.getByLabelText('Guide version') as HTMLSelectElement).options).map((o) => o.textContent);
    expect(options).toEqual(['2.0 (latest release)', '1.0', 'next']);
    fireEvent.change(screen.getByLabelText('Guide version'), {target: {value: 'current'}});
    expect(form.link()).toContain('version=next');
  });
});
