/**
 * What an admin may paste back instead of the command's answer, and the exact message each
 * gets (src/permissions/pastedAnswer.ts). A verdict is never built on any of these.
 */
import {describe, expect, it} from 'vitest';
import {MAX_ANSWER_BYTES} from '../../../src/permissions/manifestInput';
import {PastedAnswerError, parsePastedAnswer} from '../../../src/permissions/pastedAnswer';

const PASTE_AGAIN = 'Run the command shown above again and paste everything it prints, from the first { to the last }.';
const ANSWER = {
  responses: [
    {id: 'application', status: 200, headers: {'Content-Type': 'application/json'}, body: {appId: 'x'}},
    {id: 'servicePrincipal', status: 404, body: {error: {code: 'Request_ResourceNotFound', message: 'nope'}}},
  ],
};

function problem(text: string): {problem: string; message: string} {
  try {
    parsePastedAnswer(text);
  } catch (error) {
    expect(error).toBeInstanceOf(PastedAnswerError);
    const e = error as PastedAnswerError;
    return {problem: e.problem, message: e.message};
  }
  throw new Error('parsed without a problem');
}

describe('a real answer', () => {
  it('is read as az rest prints it (indented), as PowerShell prints it (one line), with a BOM and surrounding blank lines', () => {
    const expected = [
      {id: 'application', status: 200, headers: {'Content-Type': 'application/json'}, body: {appId: 'x'}},
      {id: 'servicePrincipal', status: 404, headers: {}, body: {error: {code: 'Request_ResourceNotFound', message: 'nope'}}},
    ];
    expect(parsePastedAnswer(JSON.stringify(ANSWER, null, 2))).toEqual(expected);
    expect(parsePastedAnswer(JSON.stringify(ANSWER))).toEqual(expected);
    expect(parsePastedAnswer(`\uFEFF\n\n${JSON.stringify(ANSWER)}\n\n`)).toEqual(expected);
  });
});

describe('a large answer', () => {
  it('is read: Microsoft Graph’s service principal with every role and scope is about 1 MB indented, and a guide may name several APIs', () => {
    const roles = Array.from({length: 14000}, (_, i) => ({id: `${i}`, value: `Role.${i}`, description: 'Allows the app to read something in the organization, without a signed-in user.'}));
    const text = JSON.stringify({responses: [{id: 'resource-0', status: 200, body: {appRoles: roles}}]}, null, 4);
    expect(text.length).toBeGreaterThan(3 * 1024 * 1024);
    expect(parsePastedAnswer(text)[0]!.id).toBe('resource-0');
  });
});

describe('what is not an answer gets a message that says what it is', () => {
  it.each([
    ['nothing', '  \n ', 'empty', `Nothing was pasted. ${PASTE_AGAIN}`],
    [
      'Azure CLI not signed in',
      "ERROR: Please run 'az login' to setup account.",
      'az-not-signed-in',
      'Azure CLI is not signed in (or its sign-in expired). Run az login --allow-no-subscriptions, or use Azure Cloud Shell, which is signed in already; then run the command again and paste its output.',
    ],
    [
      'a refused read',
      'ERROR: Forbidden({"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}})',
      'az-error',
      'Microsoft Graph refused the read (Authorization_RequestDenied): the signed-in account may not read app registrations. Run the command signed in as an account with a role such as Global Reader, Application Administrator or Cloud Application Administrator.',
    ],
    [
      'another Azure CLI error',
      "ERROR: argument --method/-m: invalid choice: 'pots'",
      'az-error',
      `Azure CLI printed an error instead of the answer: "argument --method/-m: invalid choice: 'pots'". ${PASTE_AGAIN}`,
    ],
    [
      'Graph PowerShell not connected',
      'Invoke-MgGraphRequest: Authentication needed. Please call Connect-MgGraph.',
      'powershell-not-connected',
      'Microsoft Graph PowerShell is not connected: run the Connect-MgGraph line first (it may ask you to consent to Microsoft Graph PowerShell), then the Invoke-MgGraphRequest line, and paste what the second one prints.',
    ],
    [
      'Graph PowerShell not consented',
      'Connect-MgGraph: AADSTS65001: The user or administrator has not consented to use the application with ID 14d82eec-204b-4c2f-b7e8-296a70dab67e.',
      'sign-in-error',
      'Signing in failed with AADSTS65001: the tool has no consent in this tenant yet; an administrator must consent to it once, or use Azure CLI instead. The pasted text: "Connect-MgGraph: AADSTS65001: The user or administrator has not consented to use the application with ID 14d82eec-204b-4c2f-b7e8-296a70dab67e.".',
    ],
    [
      'the wrong cloud',
      "ERROR: AADSTS90002: Tenant 'contoso.onmicrosoft.us' not found.",
      'sign-in-error',
      `Signing in failed with AADSTS90002: the tenant was not found in this cloud: sign in to the cloud your tenant is in (for a national cloud, run the command with the cloud selected). The pasted text: "ERROR: AADSTS90002: Tenant 'contoso.onmicrosoft.us' not found.".`,
    ],
    [
      'the command itself',
      "az rest --method post --url 'https://graph.microsoft.com/v1.0/$batch'",
      'not-json',
      `This is not the command's JSON answer (it should start with {). It starts: "az rest --method post --url 'https://graph.microsoft.com/v1.0/$batch'". ${PASTE_AGAIN}`,
    ],
    ['cut-off JSON', JSON.stringify(ANSWER, null, 2).slice(0, 120), 'truncated', `The pasted JSON stops before it ends: part of the output is missing. ${PASTE_AGAIN}`],
    [
      'hand-edited JSON',
      '{"responses": [{"id": "application", "status": 200,}]}',
      'not-json',
      `The pasted text is not valid JSON (line 1, column 52: a comma before '}' (JSON allows no trailing comma)). It may have been edited. ${PASTE_AGAIN}`,
    ],
    [
      'a manifest',
      '{"appId": "6dbc10da-23ad-499f-ba72-f7e97dde937b", "requiredResourceAccess": []}',
      'manifest',
      'This is an app manifest, not the answer to the command. Check it under "Paste a manifest" (it cannot show admin consent), or run the command and paste its output here.',
    ],
    [
      'a whole-request error',
      '{"error": {"code": "BadRequest", "message": "Invalid batch payload."}}',
      'not-a-batch-answer',
      `Microsoft Graph answered the whole request with BadRequest instead of the answers. ${PASTE_AGAIN}`,
    ],
    [
      'other JSON',
      '{"value": []}',
      'not-a-batch-answer',
      `This JSON is not the answer to the check's command: it should be {"responses": [...]} with an id and a status in each. ${PASTE_AGAIN}`,
    ],
    [
      'an answer without statuses',
      '{"responses": [{"id": "application"}]}',
      'not-a-batch-answer',
      `This JSON is not the answer to the check's command: it should be {"responses": [...]} with an id and a status in each. ${PASTE_AGAIN}`,
    ],
    [
      'an answer pasted twice into one',
      JSON.stringify({responses: [ANSWER.responses[0], ANSWER.responses[0]]}),
      'not-a-batch-answer',
      `One answer appears twice: the output was edited, or pasted twice. ${PASTE_AGAIN}`,
    ],
  ])('%s', (_what, text, expectedProblem, message) => {
    expect(problem(text)).toEqual({problem: expectedProblem, message});
  });

  it('refuses deep nesting and very large text without parsing it', () => {
    expect(problem(`{"responses": ${'['.repeat(100)}${']'.repeat(100)}}`).problem).toBe('not-a-batch-answer');
    expect(problem(`{"responses": [], "pad": "${'x'.repeat(MAX_ANSWER_BYTES)}"}`)).toEqual({problem: 'too-large', message: `This is more than 16 MB: far more than the answer for one app registration. ${PASTE_AGAIN}`});
  });
});
