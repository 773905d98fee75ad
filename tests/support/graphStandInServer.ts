/**
 * The sample tenant's Graph stand-in over HTTP, for tests that run real processes against it
 * (the stand-in `az` in tests/support/az-standin, with GRAPH_STANDIN_URL): the CLI tests and
 * the end-to-end tests of "Use your own tools".
 */
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach} from 'vitest';
import {createGraphStandIn, type GraphStandIn, type GraphStandInOptions} from '../../src/permissions/sampleTenant/graphStandIn';

export interface ServedGraphStandIn {
  /** http://127.0.0.1:<port>: what GRAPH_STANDIN_URL points at. */
  url: string;
  graph: GraphStandIn;
  close(): Promise<void>;
}

/**
 * The Graph stand-in behind a local HTTP server on 127.0.0.1, as the stand-in az reaches it: a
 * new one made with `options`, or the one given (a test that changes its tenant). The server
 * does not keep the process alive; close it when done.
 */
export async function serveGraphStandIn(standIn: GraphStandIn | GraphStandInOptions = {}): Promise<ServedGraphStandIn> {
  const graph = 'handle' in standIn ? standIn : createGraphStandIn(standIn);
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const response = await graph.handle(
        new Request(`https://graph.microsoft.com${req.url}`, {method: req.method, headers: req.headers as Record<string, string>, body}),
      );
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name] = value;
      });
      res.writeHead(response.status, headers);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.writeHead(500, {'Content-Type': 'text/plain'});
      res.end(`The Graph stand-in failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.unref();
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    graph,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * For a vitest file: a function that serves a stand-in over HTTP and gives its URL (for
 * GRAPH_STANDIN_URL), every server closed after each test.
 */
export function graphStandInServers(): (graph: GraphStandIn) => Promise<string> {
  const servers: ServedGraphStandIn[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (graph) => {
    const served = await serveGraphStandIn(graph);
    servers.push(served);
    return served.url;
  };
}
