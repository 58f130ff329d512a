/**
 * The agent's "typing…" for the shopper: true on the first keystroke, false after a pause,
 * on send or on leaving the composer. One message per change, not per keystroke; a long
 * stretch of typing re-announces itself so the shopper's side (which expires stale
 * indicators) keeps showing it.
 */
export interface TypingSignal {
  input(): void;
  stop(): void;
}

export interface TypingTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export function createTypingSignal(
  send: (typing: boolean) => void,
  { idleMs = 3000, refreshMs = 5000, timers = defaultTimers }: { idleMs?: number; refreshMs?: number; timers?: TypingTimers } = {},
): TypingSignal {
  let active = false;
  let announcedAt = 0;
  let idle: unknown = null;

  const stop = () => {
    if (idle !== null) timers.clearTimeout(idle);
    idle = null;
    if (!active) return;
    active = false;
    send(false);
  };

  return {
    input() {
      if (!active || timers.now() - announcedAt >= refreshMs) {
        active = true;
        announcedAt = timers.now();
        send(true);
      }
      if (idle !== null) timers.clearTimeout(idle);
      idle = timers.setTimeout(stop, idleMs);
    },
    stop,
  };
}

const defaultTimers: TypingTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};
