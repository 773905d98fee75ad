/**
 * zod 4 probes `new Function` for a faster parser; the site's Content-Security-Policy has no
 * 'unsafe-eval', so the probe is reported as a violation. Imported first by the engine chunks
 * (before any module that parses as it loads) to switch the probe off.
 */
import * as z from 'zod';

z.config({jitless: true});
