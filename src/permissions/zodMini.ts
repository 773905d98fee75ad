/**
 * The engine's schema library: zod/mini (a functional API, so a bundle keeps only what the
 * schemas use), set up once for every place that parses (the browser, the CLI, the build).
 * Every schema module imports it (`import * as z from './zodMini'`), never 'zod', so this runs
 * before any schema is built or used:
 * - English messages: zod/mini loads no locale, and without one every problem reads "Invalid
 *   input"; some reach users as zod words them (tests/unit/engine/schemaMessages.test.ts);
 * - jitless: zod's JIT object parser probes `new Function`, which the site's
 *   Content-Security-Policy (no 'unsafe-eval') reports as a violation. zod/mini's objects have
 *   no JIT today; the switch keeps it so should a later version add one.
 * No memoizer (zod's default, zod/mini's opt-in): it serves recursive schemas, and none is.
 */
import {en} from 'zod/locales';
import {config} from 'zod/mini';

config({...en(), jitless: true});

// Re-exported name by name (not as one namespace object), so a bundle keeps only what is used.
export * from 'zod/mini';
