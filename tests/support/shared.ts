/**
 * One expensive step (a run, a set of shards, a `--help` text) shared by the
 * tests of a file that only read what it wrote: started by the first test
 * that asks for it and awaited by the others, so that each test still runs
 * alone (`vitest -t`) and none depends on the order of the tests.
 */
export function shared<T>(make: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= make());
}

/** `shared` per key: one `make(key)` for each key asked for. */
export function sharedBy<K, T>(make: (key: K) => Promise<T>): (key: K) => Promise<T> {
  const results = new Map<K, Promise<T>>();
  return (key) => {
    let result = results.get(key);
    if (result === undefined) results.set(key, (result = make(key)));
    return result;
  };
}
