/**
 * Benchmark: a check from pasted output (the admin's own tools), end to end in the engine:
 * parse the pasted $batch answer, run the tenant reader over it (pastedTransport), compare.
 *
 *   npm run bench:pasted
 *
 * The answers are what the sample tenant's Graph stand-in gives for the printed command, indented
 * as Azure CLI prints them (about 0.8 MB: Microsoft Graph's service principal with every app role
 * and scope). Also an answer grown to ~8 MB (the same answer with its resource lookups repeated
 * under extra ids), to show how the time grows with the paste. Median of 15 runs after 3 warm-ups;
 * last line is JSON.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import '../src/permissions/catalogInFull';
import {compareToProfile} from '../src/permissions/compare';
import {readPastedTenant} from '../src/permissions/pastedRead';
import {firstReadCommands} from '../src/permissions/readCommands';
import {parseProfile} from '../src/permissions/profile';
import {sampleApp, type SampleScenario} from '../src/permissions/sampleTenant/apps';
import {createGraphStandIn} from '../src/permissions/sampleTenant/graphStandIn';
import {wholeCatalogTenant} from '../tests/support/wholeCatalogTenant';

const file = path.resolve(__dirname, '../versioned_docs/version-2.0/office365/permissions.json');
const profile = parseProfile(JSON.parse(readFileSync(file, 'utf8')), file);

async function answerFor(appId: string): Promise<string> {
  const [command] = firstReadCommands('global', appId, profile);
  const response = await createGraphStandIn({tenant: wholeCatalogTenant()}).fetch('https://graph.microsoft.com/v1.0/$batch', {method: 'POST', body: command!.body});
  return JSON.stringify(await response.json(), null, 2);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function measure(appId: string, paste: string) {
  const once = async () => {
    const started = performance.now();
    const read = await readPastedTenant({cloud: 'global', appId, profile, pastes: [paste]});
    if (read.kind !== 'read') throw new Error('expected a read');
    const result = compareToProfile(profile, read.observed, {cloud: 'global', appId});
    return {ms: performance.now() - started, verdict: result.verdict};
  };
  for (let i = 0; i < 3; i++) await once();
  const runs = [];
  for (let i = 0; i < 15; i++) runs.push(await once());
  return {medianMs: Math.round(median(runs.map((r) => r.ms)) * 10) / 10, verdict: runs[0]!.verdict, pasteKB: Math.round(Buffer.byteLength(paste) / 1024)};
}

async function main() {
  const rows: Array<{scenario: string; pasteKB: number; medianMs: number; verdict: string}> = [];
  for (const scenario of ['compliant', 'no-admin-consent', 'over-privileged'] satisfies SampleScenario[]) {
    const appId = sampleApp(scenario).appId;
    rows.push({scenario, ...(await measure(appId, await answerFor(appId)))});
  }
  // A paste ten times larger: the lookups repeated under ids the reader never asks for.
  const appId = sampleApp('compliant').appId;
  const answer = JSON.parse(await answerFor(appId)) as {responses: Array<{id: string}>};
  const lookups = answer.responses.filter((r) => r.id.startsWith('resource-'));
  for (let i = 0; i < 9; i++) answer.responses.push(...lookups.map((r) => ({...r, id: `${r.id}-copy-${i}`})));
  rows.push({scenario: 'compliant, paste x10', ...(await measure(appId, JSON.stringify(answer, null, 2)))});
  for (const row of rows) console.log(`${row.scenario.padEnd(24)} ${String(row.pasteKB).padStart(6)} KB  ${String(row.medianMs).padStart(7)} ms  ${row.verdict}`);
  console.log(JSON.stringify({node: process.version, rows}));
}

void main();
