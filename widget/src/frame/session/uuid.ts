/**
 * A v4 UUID for client message ids. crypto.randomUUID exists only in secure contexts; a
 * self-hosted chat may be tried over plain http, where getRandomValues still works.
 */
export const uuid = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16),
  );
