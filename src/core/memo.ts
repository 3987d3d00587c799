/**
 * Looks `key` up in `cache`, making and keeping the value on a miss. The cache is emptied when it
 * reaches `limit` entries, so a long-lived process (dev server, watch) keeps its memory flat. For
 * the per-build memos of things many documents share (partials, templates, theme CSS, words).
 */
export function remember<K, V>(cache: Map<K, V>, key: K, limit: number, make: () => V): V {
  if (cache.has(key)) return cache.get(key)!;
  if (cache.size >= limit) cache.clear();
  const value = make();
  cache.set(key, value);
  return value;
}
