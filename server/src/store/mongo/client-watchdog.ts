/**
 * Replaces a MongoClient that keeps failing while the server itself answers.
 *
 * The driver reconnects by itself after an outage, and in 45 rounds of freeze / resume /
 * kill -9 / restart of FerretDB (server/scripts/driver-stuck.ts) it always did, within a
 * second. Issue 9 saw it once not do so for 290 s (every operation and /ready failing with
 * `MongoServerSelectionError: connection … closed`): a client in that state never heals, and
 * only a new one helps. So: after `afterMs` of nothing but unavailability errors, a fresh
 * client is connected and pinged; if the server answers it, it becomes the client and the
 * old one is closed. If the server does not answer, nothing changes (it is an outage, and
 * the old client will reconnect when it ends).
 */
import type { MongoClient } from 'mongodb';

export interface WatchdogLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface ClientWatchdog {
  readonly client: MongoClient;
  /** Every operation that succeeded. */
  succeeded(): void;
  /** Every operation that failed as unavailable; may start a replacement in the background. */
  failed(): void;
  close(): Promise<void>;
}

export function clientWatchdog(
  first: MongoClient,
  /** afterMs 0: never replace. */
  options: { afterMs: number; connect: () => Promise<MongoClient>; log: WatchdogLog },
): ClientWatchdog {
  let client = first;
  let failingSince: number | null = null;
  let replacing: Promise<void> | null = null;
  let closed = false;

  async function replace(stuckForMs: number): Promise<void> {
    let fresh: MongoClient;
    try {
      fresh = await options.connect();
    } catch (err) {
      // Not a stuck client: the server does not answer a new one either. Try again later.
      options.log.warn({ err, stuckForMs }, 'MongoDB watchdog: the server does not answer a new client either; keeping the current one');
      failingSince = Date.now();
      return;
    }
    if (closed) {
      await fresh.close();
      return;
    }
    const old = client;
    client = fresh;
    failingSince = null;
    options.log.error({ stuckForMs }, 'MongoDB watchdog: the client failed every operation while a new one reached the server; replaced it');
    old.close().catch((err: unknown) => options.log.warn({ err }, 'MongoDB watchdog: closing the replaced client failed'));
  }

  return {
    get client() {
      return client;
    },
    succeeded() {
      failingSince = null;
    },
    failed() {
      const at = Date.now();
      failingSince ??= at;
      if (options.afterMs <= 0 || replacing || closed || at - failingSince < options.afterMs) return;
      replacing = replace(at - failingSince).finally(() => (replacing = null));
    },
    async close() {
      closed = true;
      await replacing;
      await client.close();
    },
  };
}
