/** The approvals page as a lazy route: its code loads the first time a supervisor opens it. */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

let loaded: ComponentType | undefined;

export function LazyApprovals() {
  const [Page, setPage] = useState(() => loaded);
  useEffect(() => {
    if (!Page) void import('./ApprovalsPage.js').then((m) => setPage(() => (loaded = m.ApprovalsPage)));
  }, []);
  return Page ? <Page /> : <section class="page" aria-busy="true" />;
}
