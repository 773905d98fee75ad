/**
 * The permission check engine: plain TypeScript (no React, no DOM, no MSAL, no fs), shared by
 * the site's live check, the CLI, the remark plugin and the benchmark.
 */
export * from './types';
export * from './clouds';
export * from './catalog';
export * from './profile';
export * from './manifest';
export * from './remediation';
export * from './compare';
export * from './reports';
export * from './retryPolicy';
export * from './graphTransport';
export * from './fetchTransport';
export * from './graphClient';
export * from './tenantReader';
export * from './sampleTenant/data';
export * from './sampleTenant/graphStandIn';
