#!/usr/bin/env node
// Launcher of the permcheck CLI: lets Node run the TypeScript engine as is (tsx), then runs
// bin/permcheck.ts. Run it from a clone of the repository after `npm ci`: node bin/permcheck.mjs ...
import {fileURLToPath} from 'node:url';
import {register as registerCommonJs} from 'tsx/cjs/api';
import {register} from 'tsx/esm/api';

const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
// The repository's package.json has no "type": "module", so Node may load .ts files as
// CommonJS: tsx has to handle both loaders (as its own CLI does).
registerCommonJs();
register({tsconfig});
const cli = await import('./permcheck.ts');
// Loaded as CommonJS, the module's exports sit under `default`.
const runCli = cli.runCli ?? cli.default.runCli;
process.exitCode = await runCli(process.argv.slice(2));
