// A short-lived, per-process cache of what a survey link resolves to (agency, framework id,
// calendar). Every submission needs it; caching saves three queries per request. Changes made in
// this process clear it at once; other processes see them within the TTL (2 s by default).
export interface SurveyCache<T> {
  get(key: string, now: number): T | undefined;
  set(key: string, value: T, now: number): void;
  clear(): void;
}

export function createSurveyCache<T>(ttlMs = 2000, maxEntries = 50_000): SurveyCache<T> {
  const entries = new Map<string, { value: T; at: number }>();
  return {
    get(key, now) {
      const e = entries.get(key);
      if (!e) return undefined;
      if (now - e.at > ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return e.value;
    },
    set(key, value, now) {
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, { value, at: now });
    },
    clear: () => entries.clear(),
  };
}
