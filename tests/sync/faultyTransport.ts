import type { Transport } from '../../client/sync/serverPush.ts';
import type { Random } from '../../server/demo/prng.ts';

export type Fault = 'dropRequest' | 'error500' | 'dropResponse' | 'error500After';

/** How often each fault happens per request while the network is bad. */
export type FaultRates = Record<Fault, number>;

export const DEFAULT_FAULT_RATES: FaultRates = { dropRequest: 0.07, error500: 0.04, dropResponse: 0.07, error500After: 0.03 };

/**
 * A network between a device and the server that loses requests before they arrive (`dropRequest`),
 * answers 500 without asking the server (`error500`, a failing proxy), loses the answer after the
 * server has acted (`dropResponse`), or turns the server's answer into a 500 after it has acted
 * (`error500After`, a gateway timing out). `healthy()` false turns faults on; counts go to `counts`.
 */
export function faultyTransport(inner: Transport, random: Random, healthy: () => boolean, counts: Record<Fault, number>, rates: FaultRates = DEFAULT_FAULT_RATES): Transport {
  const serverError = () => new Response(JSON.stringify({ error: { code: 'bad_gateway', message: 'Bad gateway' } }), { status: 500, headers: { 'content-type': 'application/json' } });
  return async (input, init) => {
    let fault: Fault | null = null;
    if (!healthy()) {
      let roll = random.next();
      for (const [name, rate] of Object.entries(rates) as [Fault, number][]) {
        if (roll < rate) {
          fault = name;
          break;
        }
        roll -= rate;
      }
    }
    if (fault) counts[fault]++;
    if (fault === 'dropRequest') throw new TypeError('fetch failed (dropped on the way to the server)');
    if (fault === 'error500') return serverError();
    const response = await inner(input, init);
    if (fault === null) return response;
    // The server has acted; read its whole answer so it is really done, then lose it.
    await response.arrayBuffer().catch(() => undefined);
    if (fault === 'dropResponse') throw new TypeError('fetch failed (the answer was lost)');
    return serverError();
  };
}
