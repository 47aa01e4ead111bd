/**
 * Why a browser POST got no response. The browser reports a CORS refusal, a server that is down
 * and a blocked address with the same bare TypeError, so we ask once more without CORS (a
 * `no-cors` GET, whose answer is opaque): if the endpoint answers that, it is reachable and the
 * refusal was CORS — and the message says what the receiving side must send.
 */
import { describeFetchError } from '../core/streaming/http';

/** The fix on the receiving side, in words a backend developer can act on. */
export function corsAdvice(origin: string): string {
  return (
    `the browser blocked the request (CORS): the endpoint answered, but without the headers that let this page (${origin}) send to it. ` +
    `On the receiving side, answer the preflight (OPTIONS) and every POST with Access-Control-Allow-Origin: ${origin} (or *), ` +
    'Access-Control-Allow-Methods: POST and Access-Control-Allow-Headers: content-type plus every header you add here (e.g. authorization). ' +
    'Or send from the command line (spindle stream-emit --sink http), where CORS does not apply'
  );
}

export async function describeBrowserFetchError(e: unknown, url: string, timeoutMs: number, fetchFn: typeof fetch, origin: string): Promise<string> {
  const name = (e as { name?: string })?.name;
  if (name !== 'TypeError') return describeFetchError(e, timeoutMs);
  const reachable = await fetchFn(url, { method: 'GET', mode: 'no-cors', signal: AbortSignal.timeout(timeoutMs) }).then(
    () => true,
    () => false,
  );
  if (reachable) return corsAdvice(origin);
  return `could not reach ${url}: the server is down or not listening there, the address is wrong, or the browser refused the address (an http:// endpoint from an https:// page, or the page's Content-Security-Policy)`;
}
