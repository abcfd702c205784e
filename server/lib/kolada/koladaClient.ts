import * as v from 'valibot';
import { koladaPage, KoladaDataRowSchema, KoladaKpiSchema, type KoladaDataRow, type KoladaKpi } from './koladaResponses.ts';

export interface KoladaClientOptions {
  /** `https://api.kolada.se/v3` (KOLADA_URL). */
  baseUrl: string;
  userAgent: string;
  timeoutMs?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Least time between the starts of two requests: five a second, as clients in the wild keep to. */
  spacingMs?: number;
  /** Tries after the first for a 429, a 5xx, a timeout or a dropped connection. */
  retries?: number;
}

/** Why Kolada gave no answer that could be used: said in Swedish for the run's report. */
export class KoladaError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'http' | 'malformed' | 'network',
  ) {
    super(message);
  }
}

const MAX_IDS = 25;
const PER_PAGE = 5000;
const chunks = <T>(items: readonly T[]) => Array.from({ length: Math.ceil(items.length / MAX_IDS) }, (_, i) => items.slice(i * MAX_IDS, (i + 1) * MAX_IDS));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A polite client of Kolada's API v3: a descriptive User-Agent, a small number of requests at once and a
 * few a second, back-off on 429 (as Retry-After says, within reason) and on 5xx, a timeout on every
 * request, ids and years split into Kolada's lists of 25, pages followed by `next_url`, and every answer
 * checked against the shape Målbild reads.
 */
export class KoladaClient {
  readonly #o: Required<KoladaClientOptions>;
  #active = 0;
  #queue: (() => void)[] = [];
  #lastStart = 0;

  constructor(options: KoladaClientOptions) {
    this.#o = { timeoutMs: 20_000, concurrency: 2, spacingMs: 200, retries: 3, ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') };
  }

  /** KPIs whose title holds `title`. */
  searchKpis(title: string): Promise<KoladaKpi[]> {
    return this.#pages(`${this.#o.baseUrl}/kpi?title=${encodeURIComponent(title)}&per_page=${PER_PAGE}`, KoladaKpiSchema);
  }

  /** The catalogue's entries for these KPI ids (a withdrawn one is missing). */
  async kpis(ids: readonly string[]): Promise<KoladaKpi[]> {
    const lists = await Promise.all(chunks(ids).map((list) => this.#pages(`${this.#o.baseUrl}/kpi/${list.map(encodeURIComponent).join(',')}?per_page=${PER_PAGE}`, KoladaKpiSchema)));
    return lists.flat();
  }

  /** A KPI's values for these municipalities (and regions, and Riket) and years. */
  async data(kpi: string, municipalities: readonly string[], years: readonly number[]): Promise<KoladaDataRow[]> {
    const requests = chunks(municipalities).flatMap((ids) =>
      chunks(years).map((ys) => `${this.#o.baseUrl}/data/kpi/${encodeURIComponent(kpi)}/municipality/${ids.map(encodeURIComponent).join(',')}/year/${ys.join(',')}?per_page=${PER_PAGE}`),
    );
    return (await Promise.all(requests.map((url) => this.#pages(url, KoladaDataRowSchema)))).flat();
  }

  async #pages<T extends v.GenericSchema>(first: string, item: T): Promise<v.InferOutput<T>[]> {
    const found: v.InferOutput<T>[] = [];
    const seen = new Set<string>();
    const schema = koladaPage(item);
    for (let url: string | null = first; url; ) {
      // A next_url pointing back at a page already read would never end.
      if (seen.has(url)) throw new KoladaError('Kolada svarade med en sida som pekar tillbaka på sig själv.', 'malformed');
      seen.add(url);
      const body: unknown = await this.#get(url);
      const page = v.safeParse(schema, body);
      if (!page.success) throw new KoladaError('Kolada svarade med något som inte går att läsa.', 'malformed');
      found.push(...page.output.values);
      const next: string | null = page.output.next_url ?? null;
      url = next;
    }
    return found;
  }

  async #get(url: string): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      let retryAfterMs = 500 * 2 ** attempt;
      try {
        const response = await this.#slot(() => fetch(url, { headers: { 'user-agent': this.#o.userAgent, accept: 'application/json' }, signal: AbortSignal.timeout(this.#o.timeoutMs) }));
        if (response.ok) {
          try {
            return await response.json();
          } catch {
            throw new KoladaError('Kolada svarade med något som inte går att läsa.', 'malformed');
          }
        }
        const retryable = response.status === 429 || response.status >= 500;
        await response.body?.cancel();
        if (!retryable || attempt >= this.#o.retries) throw new KoladaError(`Kolada svarade ${response.status}.`, 'http');
        const seconds = Number(response.headers.get('retry-after'));
        if (response.status === 429 && Number.isFinite(seconds) && seconds >= 0) retryAfterMs = Math.min(seconds, 60) * 1000;
      } catch (error) {
        if (error instanceof KoladaError) throw error;
        const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
        if (attempt >= this.#o.retries) throw new KoladaError(timedOut ? 'Kolada svarade inte i tid.' : 'Kolada gick inte att nå.', timedOut ? 'timeout' : 'network');
      }
      await sleep(retryAfterMs);
    }
  }

  /** Runs a request when one of the few places is free and enough time has passed since the last began. */
  async #slot<T>(request: () => Promise<T>): Promise<T> {
    if (this.#active >= this.#o.concurrency) await new Promise<void>((resolve) => this.#queue.push(resolve));
    this.#active++;
    try {
      const wait = this.#lastStart + this.#o.spacingMs - Date.now();
      this.#lastStart = Math.max(Date.now(), this.#lastStart + this.#o.spacingMs);
      if (wait > 0) await sleep(wait);
      return await request();
    } finally {
      this.#active--;
      this.#queue.shift()?.();
    }
  }
}
