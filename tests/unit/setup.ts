/**
 * Set-up of the unit tests (the vitest config's setup file for this project): the engine runs
 * here as it does in Node, in the CLI and at build time, with the whole permission catalog
 * loaded. The browser's way (parts loaded as a check needs them) is tested against it in
 * tests/unit/engine/catalogOnDemand.test.ts, on modules loaded afresh without this.
 */
import '../../src/permissions/catalogInFull';
