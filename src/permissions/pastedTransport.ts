/**
 * A GraphTransport that answers from pasted output instead of the network: the tenant reader
 * runs unchanged on what the admin's own tools printed (readCommands.ts), so a pasted check
 * judges exactly what a signed-in check would, and nothing leaves the page.
 *
 * What the reader asks for and the paste does not hold (a next page, a follow-up lookup, a
 * sub-request Graph answered 429/503/504 to) is answered 424 with the error code
 * NO_ANSWER_CODE: the reader records it as an unread part (the verdict is `incomplete`), and
 * `followUps()` gives the batches that fetch exactly those, to run and paste in turn.
 *
 * Ids: the first batch's requests keep the reader's own ids (its command is byte-equal to the
 * reader's batch). Every other request gets an id made from its URL (urlId), so a follow-up's
 * answer is matched to its request without remembering anything between pastes (the CLI reads
 * several answer files at once).
 */
import {graphBaseUrl, NO_ANSWER_CODE, type GraphTransport} from './graphTransport';
import type {PastedSubResponse} from './pastedAnswer';
import {batchBodies, type BatchBody, type BatchItem} from './readPlan';
import {RETRYABLE_STATUSES} from './retryPolicy';
import type {CloudName} from './types';

/** Two FNV-1a hashes of the text, as 16 hex digits: a stable id for a URL. */
export function urlId(url: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return `u${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}

/**
 * A URL as a batch request's relative url that survives a command line: relative to the
 * cloud's `/v1.0`, quotes as %27, and anything outside printable ASCII percent-encoded.
 */
export function batchUrlOf(url: string, cloud: CloudName): string {
  const base = `${graphBaseUrl(cloud)}/v1.0`;
  const relative = url.toLowerCase().startsWith(base.toLowerCase()) ? url.slice(base.length) : url;
  return relative.replace(/[^\x21-\x26\x28-\x7e]/gu, (c) => encodeURIComponent(c).replace(/'/g, '%27')).replace(/'/g, '%27');
}

export interface PastedTransport {
  transport: GraphTransport;
  /** The batches that fetch what the last read needed and the pastes did not hold. */
  followUps(): BatchBody[];
  /** How many pasted answers the last read used. */
  answersUsed(): number;
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {status, headers: {'content-type': 'application/json', ...headers}});
}

/**
 * The transport over `answers` (all pastes so far, later ones winning for the same id) for a
 * read whose first round trip asks for `firstRound` (readPlan's firstRead).
 */
export function pastedTransport({cloud, firstRound, answers}: {cloud: CloudName; firstRound: readonly BatchItem[]; answers: PastedSubResponse[]}): PastedTransport {
  const pool = new Map(answers.map((answer) => [answer.id, answer]));
  const firstIds = new Map(firstRound.map((item) => [item.url, item.id]));
  const needed = new Map<string, BatchItem>();
  const served = new Set<string>();

  const notPasted = (url: string) => {
    needed.set(url, {id: firstIds.get(url) ?? urlId(url), url});
    return {status: 424, body: {error: {code: NO_ANSWER_CODE, message: 'not in the pasted output yet: run the follow-up command and paste its output'}}};
  };

  /** The pasted answer to a request, once; a throttled answer asked for again is not pasted. */
  function answer(url: string): {status: number; headers?: Record<string, string>; body: unknown} {
    const id = firstIds.get(url) ?? urlId(url);
    const pasted = pool.get(id);
    if (!pasted || (served.has(id) && RETRYABLE_STATUSES.has(pasted.status))) return notPasted(url);
    served.add(id);
    // A retried answer would make the reader wait for its Retry-After: there is nothing to wait for.
    const headers = Object.fromEntries(Object.entries(pasted.headers).filter(([name]) => name.toLowerCase() !== 'retry-after'));
    return {status: pasted.status, headers, body: pasted.body};
  }

  const transport: GraphTransport = {
    async send(url, {body, signal}) {
      signal?.throwIfAborted();
      if (body === undefined) {
        const result = answer(batchUrlOf(url, cloud));
        return jsonResponse(result.status, result.body, result.headers);
      }
      const requests = (body as Partial<BatchBody>).requests ?? [];
      const responses = requests.map((request) => {
        const result = answer(batchUrlOf(request.url, cloud));
        return {id: request.id, status: result.status, headers: result.headers ?? {}, body: result.body};
      });
      return jsonResponse(200, {responses});
    },
  };

  return {
    transport,
    followUps: () => batchBodies([...needed.values()]),
    answersUsed: () => served.size,
  };
}
