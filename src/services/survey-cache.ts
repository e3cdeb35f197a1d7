// A short-lived, per-process cache of what a survey link resolves to (agency, framework id,
// calendar). Every submission needs it; caching saves three queries per request. Changes made in
// this process clear it at once; other processes see them within the TTL (2 s by default).
export interface SurveyCache<T> {
  get(key: string, now: number): T | undefined;
  set(key: string, value: T, now: number): void;
  clear(): void;
  /**
   * The cached value, else `load()`'s, kept when `keep` says so. Callers asking while a load is
   * under way share it: when an entry expires under load, one query refreshes it, not one per
   * request in flight.
   */
  load(key: string, now: number, load: () => Promise<T>, keep?: (v: T) => boolean): Promise<T>;
}

export function createSurveyCache<T>(ttlMs = 2000, maxEntries = 50_000): SurveyCache<T> {
  const entries = new Map<string, { value: T; at: number; json?: string }>();
  const loading = new Map<string, Promise<T>>();
  function get(key: string, now: number): T | undefined {
    const e = entries.get(key);
    if (!e || now - e.at > ttlMs) return undefined;
    return e.value;
  }
  /**
   * Keeps `value`, or the equal value already held, whose object is then the one returned: a
   * reload that finds the same content keeps the object it had, so what is built once per object
   * (the survey pages' templates, page-cache.ts) is built again only when something changed.
   */
  function keepValue(key: string, value: T, now: number): T {
    const before = entries.get(key);
    const json = ttlMs > 0 ? JSON.stringify(value) : undefined;
    if (before && json !== undefined && before.json === json) {
      before.at = now;
      return before.value;
    }
    if (entries.size >= maxEntries) entries.clear();
    entries.set(key, { value, at: now, json });
    return value;
  }
  function set(key: string, value: T, now: number): void {
    keepValue(key, value, now);
  }
  return {
    get,
    set,
    clear: () => {
      entries.clear();
      loading.clear();
    },
    load(key, now, load, keep = () => true) {
      const hit = get(key, now);
      if (hit !== undefined) return Promise.resolve(hit);
      let pending = loading.get(key);
      if (!pending) {
        // A clear() meanwhile drops this load: its value may predate the change.
        const mine: Promise<T> = load().then(
          (v) => {
            if (loading.get(key) !== mine) return v;
            loading.delete(key);
            return keep(v) ? keepValue(key, v, now) : v;
          },
          (err: unknown) => {
            if (loading.get(key) === mine) loading.delete(key);
            throw err;
          },
        );
        pending = mine;
        loading.set(key, mine);
      }
      return pending;
    },
  };
}
