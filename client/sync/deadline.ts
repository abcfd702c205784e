/**
 * How long a sync request may take before it is given up and tried again later. Without a bound, a request
 * on a connection that died without a word (a phone between masts) holds the one sync run forever, and
 * nothing the person saves afterwards is sent. Both push and pull are safe to repeat.
 */
const SYNC_REQUEST_TIMEOUT_MS = 60_000;

export const syncDeadline = (): AbortSignal => AbortSignal.timeout(SYNC_REQUEST_TIMEOUT_MS);
