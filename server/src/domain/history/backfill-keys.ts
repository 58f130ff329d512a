/**
 * Messages stored before search existed (or keyed by an older tokenizer) get their keys at
 * start-up, in batches, in the background: start-up time does not grow with history, and the
 * History page finds them once done. Safe on several nodes at once: each node may pick the
 * same batch, but the keys of a text are always the same and the write is conditional on the
 * version, so the second write of a message changes nothing; every write takes the message
 * out of the next batch, so the loop ends.
 */
import type { Store } from '../../store/store.js';
import { KEYS_VERSION, messageSearchFields } from '../search/message-keys.js';

const BATCH = 500;

export async function backfillSearchKeys(store: Pick<Store, 'messages'>, signal?: AbortSignal): Promise<number> {
  let keyed = 0;
  while (!signal?.aborted) {
    const batch = await store.messages.unkeyed(KEYS_VERSION, BATCH);
    if (!batch.length) break;
    for (const message of batch) {
      if (signal?.aborted) break;
      await store.messages.setSearchKeys(message._id, messageSearchFields(message));
      keyed++;
    }
  }
  return keyed;
}
