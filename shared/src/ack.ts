import type { ErrorBody } from './errors.js';

/** Every command is answered with exactly one Ack. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export type AckCallback<T> = (response: Ack<T>) => void;
