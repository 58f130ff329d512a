/**
 * Follows one site's supervisor view: watch on mount and after every reconnect (the room is
 * per connection), then `supervisor:updated` as the server pushes it; unwatch on leave.
 */
import type { SiteId, SupervisorView } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import type { ConsoleApp } from '../../app/console-app.js';

export function useLiveView(app: ConsoleApp, siteId: SiteId | null) {
  const [view, setView] = useState<SupervisorView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const transport = app.live();
    if (!siteId || !transport) return;
    let live = true;
    const watch = async () => {
      const r = await transport.command('supervisor:watch', { siteId });
      if (!live) return;
      if (r.ok) {
        setView(r.data.view);
        setError(null);
      } else setError(r.error.message);
    };
    const offUpdated = transport.on('supervisor:updated', (e) => live && e.view.siteId === siteId && setView(e.view));
    const offConnection = transport.onConnection((e) => void (e.type === 'connected' && watch()));
    void watch();
    return () => {
      live = false;
      offUpdated();
      offConnection();
      void transport.command('supervisor:unwatch', { siteId });
    };
  }, [siteId]);

  return { view, error };
}
