/**
 * Shared set-up of the component tests (imported first by each file: the vitest config has no
 * setup file for this project). jsdom has no BroadcastChannel, which msw 2.6+ uses: give the
 * environment Node's. Testing Library cleans up after each test only with vitest globals, so
 * do it here.
 */
import {BroadcastChannel as NodeBroadcastChannel} from 'node:worker_threads';
import {afterEach} from 'vitest';
import {cleanup} from '@testing-library/react';

if (typeof globalThis.BroadcastChannel === 'undefined') {
  (globalThis as {BroadcastChannel: unknown}).BroadcastChannel = NodeBroadcastChannel;
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
