/**
 * The page-facing API: `Counter(method, ...args)` and `Counter.method(...)`; `on(event, fn)`
 * returns an unsubscribe. Until the host part arrives every other call waits in a queue
 * (after those the snippet's stub collected in `Counter.q`); the host part replays it and
 * takes over.
 */
import type { Call, Link } from './link';

export type LoaderEvent = 'open' | 'close' | 'unread';
type Listener = (value?: unknown) => void;

interface Counter {
  (...call: Call): unknown;
  /** The snippet's stub pushes each call's `arguments` here. */
  q?: ArrayLike<unknown>[];
  /** The loader's link: set once installed, so a second copy of the script does nothing. */
  _?: Link;
  [method: string]: unknown;
}

const global = window as unknown as { Counter?: Counter };
const METHODS = 'open close toggle identify setContext shutdown on'.split(' ');

/** Set once a copy of the script installed itself: a second copy (a doubled snippet) does nothing. */
export const installed = () => global.Counter?._;

/**
 * Installs window.Counter; `onCall` sees each call but `on` (to load the host part on
 * intent, and to keep the shop's context for the proactive chunk), before and after the
 * host part took over. `r()` then runs the snippet's queue through it: listeners are registered at
 * once, an early `open` loads the host part, the rest waits for it.
 */
export function installApi(onCall: (call: Call) => void): Pick<Link, 'e' | 'c'> & { f: Counter; r(): void } {
  const stubbed: Call[] = (global.Counter?.q as unknown as Call[]) || [];
  const queue: Call[] = [];
  const listeners = new Set<[string, Listener]>();
  let handler: ((call: Call) => unknown) | undefined;
  const counter = ((...call: Call) => {
    const [method, event, fn] = call;
    if (method == 'on') {
      const entry: [string, Listener] = [event as string, fn as Listener];
      listeners.add(entry);
      return () => listeners.delete(entry);
    }
    onCall(call);
    if (handler) return handler(call);
    queue.push(call);
  }) as Counter;
  for (const method of METHODS) counter[method] = (...args: unknown[]) => counter(method, ...args);
  global.Counter = counter;
  return {
    f: counter,
    r() {
      for (const args of stubbed) counter(...args);
    },
    e(event, value) {
      for (const [name, fn] of listeners) {
        try {
          name == event && fn(value);
        } catch {
          // A shop's listener must not break the chat.
        }
      }
    },
    c(next) {
      handler = next;
      for (const call of queue.splice(0)) next(call);
    },
  };
}
