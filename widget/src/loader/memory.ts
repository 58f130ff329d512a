/**
 * What the loader remembers on the shop's origin: the visitor token and whether a
 * conversation exists. First-party storage survives where a third-party iframe's would be
 * partitioned or wiped, and it lets the loader ask for unread replies without the frame.
 */
export interface Memory {
  /** Visitor token. */
  t?: string;
  /** A conversation exists: worth checking for unread replies on later page loads. */
  c?: boolean;
  /** What the chat frame keeps here (outbox entries, preferences), by its own keys. */
  f?: Record<string, string>;
}

export const memoryKey = (site: string) => 'counter:' + site;

export function recall(key: string): Memory {
  try {
    return JSON.parse(localStorage.getItem(key) || '{}') as Memory;
  } catch {
    return {};
  }
}

export function remember(key: string, memory: Memory): void {
  try {
    localStorage.setItem(key, JSON.stringify(memory));
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

/**
 * The one request allowed before the shopper shows intent. A text/plain body keeps it a CORS
 * simple request (no preflight); no cookies are sent.
 */
export function checkUnread(origin: string, siteId: string, token: string, done: (n: number) => void): void {
  fetch(origin + '/api/v1/visitor/unread', { method: 'POST', body: JSON.stringify({ siteId, token }) })
    .then((r) => r.json())
    // An error body (token revoked, origin not allowed) has no count: nothing to show.
    .then((d: { unread?: number }) => d.unread && done(d.unread))
    .catch(() => {});
}
