/**
 * Twenty shoppers sending a thousand messages, and the books kept on them: what was sent,
 * acked, stored, lost and duplicated, checked against what the server stores after the fault.
 */
import type { Message } from '@counter/shared';
import { eventually } from '../../support/wait.js';
import { Shopper } from './shopper.js';

export const SHOPPERS = 20;
export const MESSAGES_PER_SHOPPER = 50;
/** Problems listed per kind in a failure; the figures count them all. */
const MAX_LISTED = 10;

export interface Figures {
  scenario: string;
  sent: number;
  acked: number;
  stored: number;
  lost: number;
  lostAcked: number;
  duplicated: number;
  errorAcks: Record<string, number>;
  /** Acked `ok` on a resend after an error ack for the same client id. */
  ackedAfterError: number;
  /** Sends that got no ack in time and were resent. */
  unanswered: number;
}

export interface Problems {
  /** Stored seq numbers that are not 1..n. */
  gaps: string[];
  /** Visitor messages stored out of the order they were written. */
  misordered: string[];
  /** An ack or a message:created whose seq differs from the stored one, or names a message not stored. */
  unbacked: string[];
}

export class Fleet {
  private constructor(readonly shoppers: Shopper[]) {}

  static async join(url: string, n = SHOPPERS): Promise<Fleet> {
    const shoppers: Shopper[] = [];
    for (let i = 0; i < n; i++) shoppers.push(await Shopper.join(url, `shopper ${i + 1}`));
    return new Fleet(shoppers);
  }

  /** Every shopper writes its share of the messages at once; the outboxes deliver them. */
  writeAll(perShopper = MESSAGES_PER_SHOPPER): void {
    for (const s of this.shoppers) s.write(Array.from({ length: perShopper }, (_, i) => `${s.name} message ${i + 1}`));
  }

  get acked(): number {
    return this.shoppers.reduce((n, s) => n + s.acked.size, 0);
  }

  get sent(): number {
    return this.shoppers.reduce((n, s) => n + s.sent.length, 0);
  }

  get pending(): number {
    return this.shoppers.reduce((n, s) => n + s.pending, 0);
  }

  errorAcks(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const s of this.shoppers) for (const [code, n] of s.errorAcks) out[code] = (out[code] ?? 0) + n;
    return out;
  }

  get errorAckCount(): number {
    return Object.values(this.errorAcks()).reduce((a, b) => a + b, 0);
  }

  /** Resolves once at least `count` messages are acked (the moment to inject a fault). */
  ackedAtLeast(count: number, timeoutMs = 60_000): Promise<number> {
    return eventually(async () => this.acked, (n) => n >= count, `${count} acked messages`, timeoutMs);
  }

  get unanswered(): number {
    return this.shoppers.reduce((n, s) => n + s.unanswered, 0);
  }

  /** Resolves once `count` more sends failed (error ack or no ack) than when called. */
  moreFailures(count: number, timeoutMs = 60_000): Promise<number> {
    const failures = () => this.errorAckCount + this.unanswered;
    const from = failures();
    return eventually(async () => failures() - from, (n) => n >= count, `${count} more failed sends`, timeoutMs);
  }

  errorAcksAtLeast(count: number, timeoutMs = 60_000): Promise<number> {
    return eventually(async () => this.errorAckCount, (n) => n >= count, `${count} error acks`, timeoutMs);
  }

  drained(timeoutMs = 90_000): Promise<number> {
    return eventually(async () => this.pending, (n) => n === 0, 'every outbox to drain', timeoutMs);
  }

  /** Every shopper reads its conversation once (see Shopper.tryHistory); returns how many refused. */
  async look(): Promise<number> {
    let refused = 0;
    for (const s of this.shoppers) if (typeof (await s.tryHistory()) === 'string') refused++;
    return refused;
  }

  /** Reads every conversation back through the wire and does the books. */
  async audit(scenario: string): Promise<{ figures: Figures; problems: Problems }> {
    const figures: Figures = {
      scenario,
      sent: this.sent,
      acked: this.acked,
      stored: 0,
      lost: 0,
      lostAcked: 0,
      duplicated: 0,
      errorAcks: this.errorAcks(),
      ackedAfterError: this.shoppers.reduce((n, s) => n + s.ackedAfterError.size, 0),
      unanswered: this.unanswered,
    };
    const problems: Problems = { gaps: [], misordered: [], unbacked: [] };
    for (const s of this.shoppers) {
      const stored = await s.history();
      auditOne(s, stored, figures, problems);
    }
    for (const list of Object.values(problems)) {
      if (list.length > MAX_LISTED) list.splice(MAX_LISTED, Infinity, `... and ${list.length - MAX_LISTED} more`);
    }
    return { figures, problems };
  }

  close(): void {
    for (const s of this.shoppers) s.close();
  }
}

function auditOne(s: Shopper, stored: Message[], figures: Figures, problems: Problems): void {
  const seqs = stored.map((m) => m.seq);
  if (seqs.some((seq, i) => seq !== i + 1)) problems.gaps.push(`${s.name}: seqs ${compact(seqs)}`);

  const sentIds = new Set(s.sent.map((e) => e.clientId));
  const storedSeq = new Map<string, number>();
  const order: string[] = [];
  for (const m of stored) {
    if (m.author !== 'visitor' || !m.clientId || !sentIds.has(m.clientId)) continue;
    if (storedSeq.has(m.clientId)) figures.duplicated++;
    else {
      storedSeq.set(m.clientId, m.seq);
      order.push(m.clientId);
    }
  }
  figures.stored += storedSeq.size;
  for (const e of s.sent) {
    if (storedSeq.has(e.clientId)) continue;
    figures.lost++;
    if (s.acked.has(e.clientId)) figures.lostAcked++;
  }
  const expected = s.sent.map((e) => e.clientId).filter((id) => storedSeq.has(id));
  if (expected.join() !== order.join()) problems.misordered.push(`${s.name}: stored order differs from send order`);
  for (const [label, claims] of [
    ['ack', s.acked],
    ['message:created', s.seen],
  ] as const) {
    for (const [clientId, seq] of claims) {
      if (storedSeq.get(clientId) !== seq) {
        problems.unbacked.push(`${s.name}: ${label} said seq ${seq}, stored ${storedSeq.get(clientId) ?? 'nothing'}`);
      }
    }
  }
}

function compact(seqs: number[]): string {
  return seqs.length > 12 ? `${seqs.slice(0, 6).join(',')},...,${seqs.slice(-6).join(',')} (${seqs.length})` : seqs.join(',');
}

/** One line per scenario in the test output, for the closing note. */
export function report(f: Figures): void {
  const errors = Object.entries(f.errorAcks)
    .map(([code, n]) => `${code}=${n}`)
    .join(' ');
  console.log(
    `[fault] ${f.scenario}: sent ${f.sent}, acked ${f.acked}, stored ${f.stored}, lost ${f.lost} (acked ${f.lostAcked}), ` +
      `duplicated ${f.duplicated}; error acks ${errors || 'none'}, unanswered ${f.unanswered}; acked after an error ${f.ackedAfterError}`,
  );
}
