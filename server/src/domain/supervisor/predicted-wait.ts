/**
 * How long a newcomer will wait for an agent, now and over the next hour (issue 15 item 5).
 *
 * A fluid approximation, not Erlang C: Erlang C describes a steady state and has no answer
 * when arrivals outrun service (exactly the peak we want to see coming), and it assumes one
 * customer per server, while an agent here holds several chats at once. The fluid model
 * treats the chats in the system as a level, stepped minute by minute: busy slots finish at
 * 1 / handleSeconds each, arrivals come at the forecast rate, free slots absorb arrivals
 * first, and a newcomer at time t waits for the backlog ahead of them to drain at the full
 * rate (slots / handleSeconds). Coarse, but monotone and cheap, which is what a warning
 * needs; it says "0" below saturation, where waits are short against a target anyway.
 */
export interface WaitInputs {
  /** Conversations waiting now. */
  queued: number;
  /** Slots of the agents online now (sum of capacities). */
  slots: number;
  /** Of those, slots not in use. */
  freeSlots: number;
  /** Mean handling time, assignment to resolution. */
  handleSeconds: number;
  /** Expected arrivals per slice of the horizon (the forecast's slices), from now on. */
  arrivals: readonly number[];
  sliceMs: number;
}

export interface WaitPrediction {
  /** Wait of someone arriving now, seconds; null when nobody is online to serve. */
  nowSeconds: number | null;
  /** The largest predicted wait within the horizon (the forecast's slices); null when nobody is online to serve. */
  peakSeconds: number | null;
  /** First moment (ms from now) the predicted wait exceeds the target; null if not within the horizon. */
  breachInMs: number | null;
}

const STEP_MS = 60_000;

/** Over the forecast's whole horizon (its slices). */
export function predictWait(input: WaitInputs, targetSeconds: number): WaitPrediction {
  const { queued, slots, freeSlots, handleSeconds, arrivals, sliceMs } = input;
  const horizonMs = arrivals.length * sliceMs;
  if (slots <= 0) {
    // Nobody to serve: anyone who comes waits without end.
    const someone = queued > 0 || arrivals.some((a) => a > 0);
    return { nowSeconds: someone ? null : 0, peakSeconds: someone ? null : 0, breachInMs: someone ? 0 : null };
  }
  const handle = Math.max(1, handleSeconds);
  const fullRate = slots / handle; // chats finishing per second when every slot is busy
  // Chats in the system (held or waiting); those beyond the slots wait.
  let inSystem = Math.max(0, slots - freeSlots) + queued;
  const waitOf = (n: number) => Math.max(0, n - slots) / fullRate;
  const nowSeconds = waitOf(inSystem);
  let peak = nowSeconds;
  let breachInMs: number | null = nowSeconds > targetSeconds ? 0 : null;
  for (let ms = STEP_MS; ms <= horizonMs; ms += STEP_MS) {
    const finishing = (Math.min(inSystem, slots) / handle) * (STEP_MS / 1000);
    const arriving = (arrivals[Math.min(arrivals.length - 1, Math.floor((ms - STEP_MS) / sliceMs))]! * STEP_MS) / sliceMs;
    inSystem = Math.max(0, inSystem + arriving - finishing);
    const w = waitOf(inSystem);
    peak = Math.max(peak, w);
    if (breachInMs === null && w > targetSeconds) breachInMs = ms;
  }
  return { nowSeconds: Math.round(nowSeconds), peakSeconds: Math.round(peak), breachInMs };
}
