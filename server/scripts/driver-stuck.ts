/**
 * Does the MongoDB driver get stuck after FerretDB is frozen, resumed, killed and restarted
 * over and over? (Issue 9: once in 30 rounds every operation failed for 290 s.) Runs the
 * store's own MongoDB adapter under a steady trickle of writes and measures, per round, how
 * long after the restart the first write succeeds.
 *
 *   node --import tsx server/scripts/driver-stuck.ts [rounds=30] [watchdog=on|off]
 */
import { randomUUID } from 'node:crypto';
import { startMongoWire } from '../test/support/mongo-wire.js';
import { openMongo } from '../src/store/mongo/open-mongo.js';

const rounds = Number(process.argv[2] ?? 30);
const STUCK_MS = 30_000;

const wire = await startMongoWire();
if (!('server' in wire) || !wire.server.faults) throw new Error('needs a FerretDB or mongod this script starts');
const { server } = wire;
const faults = server.faults!;
const db = await openMongo(server.url, { serverSelectionTimeoutMS: 1000 });
const coll = await db.collection<{ _id: string; at: number }>('probe', []);

let lastOk = Date.now();
let lastError = '';
let stop = false;
const writers = Array.from({ length: 8 }, async () => {
  while (!stop) {
    try {
      await coll.insertOne({ _id: randomUUID(), at: Date.now() });
      lastOk = Date.now();
    } catch (err) {
      const cause = (err as Error).cause as Error | undefined;
      lastError = `${(cause ?? (err as Error)).name}: ${(cause ?? (err as Error)).message}`;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const recoveries: number[] = [];
/** The ways a database host misbehaves, in turn: frozen then killed, killed while frozen, frozen long. */
const patterns: [string, () => Promise<void>][] = [
  [
    'freeze, resume, kill -9, restart',
    async () => {
      faults.freeze();
      await pause(500 + Math.random() * 2500);
      faults.resume();
      await pause(Math.random() * 300);
      await faults.crash();
      await pause(Math.random() * 1000);
      await server.start();
    },
  ],
  [
    'freeze, kill -9 while frozen, restart',
    async () => {
      faults.freeze();
      await pause(500 + Math.random() * 2500);
      await faults.crash();
      await server.start();
    },
  ],
  [
    'freeze 6-15 s, resume',
    async () => {
      faults.freeze();
      await pause(6000 + Math.random() * 9000);
      faults.resume();
    },
  ],
];
for (let round = 1; round <= rounds; round++) {
  const [name, fault] = patterns[(round - 1) % patterns.length]!;
  await fault();
  const restarted = Date.now();
  while (lastOk < restarted && Date.now() - restarted < STUCK_MS) await pause(50);
  const took = lastOk >= restarted ? lastOk - restarted : Infinity;
  recoveries.push(took);
  console.log(`round ${round} (${name}): ${took === Infinity ? `STUCK > ${STUCK_MS} ms (${lastError})` : `writes back after ${took} ms`}`);
}
stop = true;
await Promise.all(writers);
await db.close();
await server.dispose();
const stuck = recoveries.filter((t) => t === Infinity).length;
const finite = recoveries.filter((t) => t !== Infinity).sort((a, b) => a - b);
console.log(`${rounds} rounds: ${stuck} stuck; recovery median ${finite[finite.length >> 1]} ms, max ${finite.at(-1)} ms`);
process.exit(stuck ? 1 : 0);
