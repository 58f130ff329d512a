/** Time comes from here, so tests can drive it and routing stays deterministic. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
