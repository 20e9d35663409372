/**
 * Keeps `value` under `key` and returns it, forgetting everything first once `limit` entries are
 * kept: the grammar engine's memos (word facts, spelling suggestions, model scores) stay bounded in
 * a long-lived process. Use as `cache.get(key) ?? remember(cache, limit, key, compute())`.
 */
export function remember<K, V>(cache: Map<K, V>, limit: number, key: K, value: V): V {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}
