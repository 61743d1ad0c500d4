/**
 * A function's results kept by key for the life of the process: what a long-running process
 * (watch) or many editions ask again is computed once. With a `limit`, the whole store is
 * forgotten when it is full (inputs that change over a long watch session do not pile up).
 */
export function memoize<K, V>(compute: (key: K) => V, limit = Number.POSITIVE_INFINITY): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    if (known.has(key)) return known.get(key) as V;
    const value = compute(key);
    if (known.size >= limit) known.clear();
    known.set(key, value);
    return value;
  };
}
