/**
 * Listens for a supervisor's call-in (issue 15 leftovers: `supervisor:call-in`, sent to away
 * agents) on every page; the banner and its words are a lazy part fetched only when one comes,
 * so the inbox's first load carries just this listener.
 */
import type { CallIn } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../../app/app-context.js';
import { lazyPart } from '../common/lazy-part.js';

const LazyCallInBanner = lazyPart(() => import('./CallInBanner.js').then((m) => m.CallInBanner), 'quiet');

export function CallInWatch() {
  const app = useApp();
  const transport = app.live();
  const [call, setCall] = useState<CallIn | null>(null);
  useEffect(() => transport?.on('supervisor:call-in', setCall), [transport]);
  return call && <LazyCallInBanner call={call} onClose={() => setCall(null)} />;
}
