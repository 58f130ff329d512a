/**
 * The frame's storage. A third-party iframe's localStorage is partitioned, or denied
 * outright when the browser blocks third-party cookies, so nothing the chat must keep
 * (the outbox above all) lives there: the loader keeps it in the shop's first-party
 * storage. The frame starts from what the loader sent with `init` and writes through.
 */
export interface KeyValue {
  get(key: string): string | undefined;
  /** null forgets the key. */
  set(key: string, value: string | null): void;
  keys(): string[];
}

export function keptStorage(initial: Record<string, string>, keep: (key: string, value: string | null) => void): KeyValue {
  const values = new Map(Object.entries(initial));
  return {
    get: (key) => values.get(key),
    set(key, value) {
      if (value === null) values.delete(key);
      else values.set(key, value);
      keep(key, value);
    },
    keys: () => [...values.keys()],
  };
}
