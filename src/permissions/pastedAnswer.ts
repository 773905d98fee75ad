/**
 * The answer an admin pastes back after running the check's read with their own tools (see
 * readCommands.ts): the JSON that `az rest`, `Invoke-MgGraphRequest -OutputType Json` or Graph
 * Explorer printed for the `$batch`. This module only decides whether the text IS such an
 * answer and returns its sub-responses; what they say is read by the tenant reader itself
 * (pastedTransport.ts). Anything else pasted (a shell's error text, a manifest, hand-edited or
 * cut-off JSON) gets a message that says what it is and what to paste instead, never a verdict.
 */
import {batchResponseSchema} from './graphSchemas';
import {exceedsManifestSize, MAX_ANSWER_BYTES, MAX_JSON_DEPTH, nestingDepth} from './manifestInput';
import {lineAndColumn} from './jsonPositions';
import {locateJsonError} from './jsonSyntax';

export interface PastedSubResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export type PastedAnswerProblem =
  | 'empty'
  | 'too-large'
  | 'az-not-signed-in'
  | 'az-error'
  | 'powershell-not-connected'
  | 'powershell-error'
  | 'sign-in-error'
  | 'not-json'
  | 'truncated'
  | 'manifest'
  | 'not-a-batch-answer'
  | 'other-app';

export class PastedAnswerError extends Error {
  readonly problem: PastedAnswerProblem;

  constructor(problem: PastedAnswerProblem, message: string) {
    super(message);
    this.name = 'PastedAnswerError';
    this.problem = problem;
  }
}

const PASTE_AGAIN = 'Run the command shown above again and paste everything it prints, from the first { to the last }.';

/** The first line of a text, cut to a readable length, for quoting in a message. */
function firstLine(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}

/** Text a shell or tool printed instead of JSON: what it means and what to do. */
function toolError(text: string): PastedAnswerError | null {
  const trimmed = text.trim();
  if (/Please run 'az login'|az login --|No subscription found|AADSTS700082|refresh token has expired/i.test(trimmed)) {
    return new PastedAnswerError(
      'az-not-signed-in',
      'Azure CLI is not signed in (or its sign-in expired). Run az login --allow-no-subscriptions, or use Azure Cloud Shell, ' +
        'which is signed in already; then run the command again and paste its output.',
    );
  }
  const aadsts = /AADSTS(\d{5,6})/.exec(trimmed);
  if (aadsts) {
    const code = aadsts[1];
    const what =
      code === '65001'
        ? 'the tool has no consent in this tenant yet; an administrator must consent to it once, or use Azure CLI instead'
        : code === '90002' || code === '900023' || code === '90072'
          ? 'the tenant was not found in this cloud: sign in to the cloud your tenant is in (for a national cloud, run the command with the cloud selected)'
          : 'see the AADSTS code in Microsoft’s sign-in error reference';
    return new PastedAnswerError('sign-in-error', `Signing in failed with AADSTS${code}: ${what}. The pasted text: "${firstLine(trimmed)}".`);
  }
  if (/Authentication needed|Connect-MgGraph/i.test(trimmed)) {
    return new PastedAnswerError(
      'powershell-not-connected',
      'Microsoft Graph PowerShell is not connected: run the Connect-MgGraph line first (it may ask you to consent to ' +
        'Microsoft Graph PowerShell), then the Invoke-MgGraphRequest line, and paste what the second one prints.',
    );
  }
  if (/Authorization_RequestDenied|Insufficient privileges/i.test(trimmed)) {
    return new PastedAnswerError(
      'az-error',
      'Microsoft Graph refused the read (Authorization_RequestDenied): the signed-in account may not read app registrations. ' +
        'Run the command signed in as an account with a role such as Global Reader, Application Administrator or Cloud Application Administrator.',
    );
  }
  if (/^Invoke-MgGraphRequest\s*:/im.test(trimmed) || /^\s*\|?\s*(Invoke-MgGraphRequest|Set-Content)\b/m.test(trimmed)) {
    return new PastedAnswerError('powershell-error', `PowerShell printed an error instead of the answer: "${firstLine(trimmed)}". ${PASTE_AGAIN}`);
  }
  if (/^(ERROR|WARNING):/m.test(trimmed) || /^az: /m.test(trimmed)) {
    return new PastedAnswerError('az-error', `Azure CLI printed an error instead of the answer: "${firstLine(trimmed.replace(/^[\s\S]*?^ERROR:\s*/m, ''))}". ${PASTE_AGAIN}`);
  }
  return null;
}

/**
 * The sub-responses of a pasted `$batch` answer. Throws PastedAnswerError, with a message for
 * the admin, when the text is not one.
 */
export function parsePastedAnswer(text: string): PastedSubResponse[] {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new PastedAnswerError('empty', `Nothing was pasted. ${PASTE_AGAIN}`);
  if (exceedsManifestSize(trimmed, MAX_ANSWER_BYTES)) {
    throw new PastedAnswerError(
      'too-large',
      `This is more than ${MAX_ANSWER_BYTES / (1024 * 1024)} MB: far more than the answer for one app registration. ${PASTE_AGAIN}`,
    );
  }
  if (!trimmed.startsWith('{')) {
    throw toolError(trimmed) ?? new PastedAnswerError('not-json', `This is not the command's JSON answer (it should start with {). It starts: "${firstLine(trimmed)}". ${PASTE_AGAIN}`);
  }
  const depth = nestingDepth(trimmed);
  if (depth > MAX_JSON_DEPTH) throw new PastedAnswerError('not-a-batch-answer', `This JSON nests ${depth} levels deep: it is not the answer to the check's command. ${PASTE_AGAIN}`);
  const syntax = locateJsonError(trimmed);
  if (syntax) {
    if (syntax.offset >= trimmed.length) {
      throw new PastedAnswerError('truncated', `The pasted JSON stops before it ends: part of the output is missing. ${PASTE_AGAIN}`);
    }
    const {line, column} = lineAndColumn(trimmed, syntax.offset);
    throw new PastedAnswerError('not-json', `The pasted text is not valid JSON (line ${line}, column ${column}: ${syntax.reason}). It may have been edited. ${PASTE_AGAIN}`);
  }
  const value: unknown = JSON.parse(trimmed);
  if (value && typeof value === 'object' && !Array.isArray(value) && 'requiredResourceAccess' in value) {
    throw new PastedAnswerError(
      'manifest',
      'This is an app manifest, not the answer to the command. Check it under "Paste a manifest" (it cannot show admin consent), ' +
        'or run the command and paste its output here.',
    );
  }
  if (value && typeof value === 'object' && 'error' in value && !('responses' in value)) {
    const error = (value as {error?: {code?: unknown; message?: unknown}}).error;
    const code = typeof error?.code === 'string' ? error.code : 'an error';
    throw new PastedAnswerError('not-a-batch-answer', `Microsoft Graph answered the whole request with ${code} instead of the answers. ${PASTE_AGAIN}`);
  }
  const parsed = batchResponseSchema.safeParse(value);
  if (!parsed.success) {
    throw new PastedAnswerError(
      'not-a-batch-answer',
      `This JSON is not the answer to the check's command: it should be {"responses": [...]} with an id and a status in each. ${PASTE_AGAIN}`,
    );
  }
  const seen = new Set<string>();
  for (const response of parsed.data.responses) {
    if (seen.has(response.id)) {
      throw new PastedAnswerError('not-a-batch-answer', `One answer appears twice: the output was edited, or pasted twice. ${PASTE_AGAIN}`);
    }
    seen.add(response.id);
  }
  return parsed.data.responses.map((r) => ({id: r.id, status: r.status, headers: r.headers ?? {}, body: r.body}));
}
