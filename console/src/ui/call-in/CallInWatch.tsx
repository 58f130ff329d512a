/**
 * Listens for a supervisor's call-in (issue 15 leftovers: `supervisor:call-in`, sent to away
 * agents) on every page. This listener is a small chunk the shell fetches after the first paint
 * (the inbox's main chunk is at its budget); the banner and its words are another, fetched only
 * when a call-in comes.
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
