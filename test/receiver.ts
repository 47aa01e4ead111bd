/**
 * A real local HTTP endpoint for sink tests (node:http, port chosen by the OS): it records every
 * request (method, headers, body) and answers as the test says — a status, a Retry-After, a
 * delay, or a dropped connection — with CORS headers when asked (for the browser's preflight).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** How to answer the n-th POST (0-based, counting every attempt). */
export interface Answer {
  readonly status?: number;
  readonly retryAfter?: string;
  /** Wait this long before answering (timeouts). */
  readonly delayMs?: number;
  /** Close the socket without an answer. */
  readonly drop?: boolean;
}

export interface Receiver {
  readonly url: string;
  /** Every POST, in arrival order (preflights are not listed). */
  readonly received: Received[];
  /** OPTIONS requests seen (CORS preflights). */
  readonly preflights: Received[];
  close(): Promise<void>;
}

export interface ReceiverOptions {
  readonly answer?: (n: number, req: Received) => Answer;
  /** Send Access-Control-Allow-Origin/Headers/Methods on every answer and answer preflights (default true). */
  readonly cors?: boolean;
  /** Host to bind (default 127.0.0.1). */
  readonly host?: string;
}

export async function startReceiver(options: ReceiverOptions = {}): Promise<Receiver> {
  const received: Received[] = [];
  const preflights: Received[] = [];
  const cors = options.cors ?? true;
  const corsHeaders = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'content-type, authorization, x-api-key',
    'Access-Control-Allow-Methods': 'POST, OPTIONS',
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      if (r.method === 'OPTIONS') {
        preflights.push(r);
        res.writeHead(204, cors ? corsHeaders : {});
        res.end();
        return;
      }
      const n = received.length;
      received.push(r);
      const a = options.answer?.(n, r) ?? {};
      const reply = () => {
        if (a.drop) {
          req.socket.destroy();
          return;
        }
        res.writeHead(a.status ?? 200, { ...(cors ? corsHeaders : {}), ...(a.retryAfter ? { 'Retry-After': a.retryAfter } : {}), 'Content-Type': 'text/plain' });
        res.end('ok');
      };
      if (a.delayMs) setTimeout(reply, a.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/ingest`,
    received,
    preflights,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
