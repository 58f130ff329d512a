// Child process for the crash test: writes messages one after another and prints each
// sequence number once its write is acknowledged. The parent kills it with SIGKILL.
import { openStore } from '../../src/store/open-store.js';
import { messageDoc } from '../support/fixtures.js';

const [dataDir, conversationId] = process.argv.slice(2) as [string, string];
const store = await openStore({ dataDir });
for (let seq = 1; ; seq++) {
  await store.messages.insert(messageDoc({ conversationId: conversationId as never, seq }));
  process.stdout.write(`${seq}\n`);
}
