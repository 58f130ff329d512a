/**
 * What the loader remembers on the shop's origin: the visitor token and whether a
 * conversation exists. First-party storage survives where a third-party iframe's would be
 * partitioned or wiped, and it lets the loader ask for unread replies without the frame.
 *
 * Nothing here goes through the page's `JSON` or `fetch`: shops replace them (old
 * polyfills, wrappers that throw on input they do not know, fetch wrappers that drop the
 * options), and an async script runs after the page's scripts, so it could never capture
 * the originals. Storage is URL-encoded pairs; the unread check is an XMLHttpRequest whose
 * JSON answer the browser parses (`responseType`).
 */

/**
 * `t`: visitor token; `c`: a conversation exists (an unread check is worth it); every other
 * key is the frame's own (outbox entries, preferences: see `keep` in bridge.ts).
 */
export type Memory = Record<string, string>;

export const memoryKey = (site: string) => 'counter:' + site;

/**
 * What is stored, for the loader. An earlier version's JSON reads as nothing here: that
 * browser gets its unread badge once the host part has rewritten it (recallAll).
 */
export function recall(key: string): Memory {
  try {
    // Indexing, not getItem: fewer bytes (our key never names a Storage method).
    return Object.fromEntries(new URLSearchParams(localStorage[key]));
  } catch {
    return {};
  }
}

/**
 * What is stored, for the host part: an earlier version's JSON is read with the page's JSON
 * (best effort, once: the next write stores pairs), its frame values under `f` flattened.
 */
export function recallAll(key: string): Memory {
  try {
    const stored = localStorage.getItem(key) || '';
    if (stored[0] != '{') return recall(key);
    const { f, ...memory } = JSON.parse(stored) as Memory & { f?: Memory };
    return { ...f, ...memory };
  } catch {
    return {};
  }
}

export function remember(key: string, memory: Memory): void {
  try {
    localStorage.setItem(key, new URLSearchParams(memory) + '');
  } catch {
    // Storage disabled (private mode, sandbox): the chat still works for this page view.
  }
}

/** Logout: this browser no longer knows the visitor (nor keeps anything for the chat). */
export function forget(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
