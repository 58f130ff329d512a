/**
 * The response targets of the agent's sites, fetched once per page load and kept current by
 * the server's `target:settings` on every edit (live-targets.ts), and one shared one-second ticker for every countdown badge:
 * each badge re-renders itself, never the list.
 */
import { DEFAULT_TARGETS, type ResponseTargets } from '@counter/shared';

let bySite = new Map<string, ResponseTargets>();
let loading: Promise<void> | null = null;

export function loadTargets(): Promise<void> {
  loading ??= fetch('/api/v1/targets', { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then((r) => (r.ok ? (r.json() as Promise<{ sites: { siteId: string; targets: ResponseTargets }[] }>) : { sites: [] }))
    .then(({ sites }) => {
      bySite = new Map(sites.map((s) => [s.siteId, s.targets]));
    })
    // Offline or refused: the defaults count down, and the next load asks again.
    .catch(() => {
      loading = null;
    });
  return loading;
}

/** An edit made elsewhere (live-targets.ts). */
export function setSiteTargets(siteId: string, targets: ResponseTargets): void {
  bySite = new Map(bySite).set(siteId, targets);
}

export const targetsFor = (siteId: string): ResponseTargets => bySite.get(siteId) ?? DEFAULT_TARGETS;

const listeners = new Set<(now: number) => void>();
let timer: ReturnType<typeof setInterval> | null = null;

export function onTick(listener: (now: number) => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    const now = Date.now();
    listeners.forEach((l) => l(now));
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (!listeners.size && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}
