import { createHash, createHmac, randomBytes, randomUUID, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { ClientMessageId } from '@counter/shared';

const ID_BYTES = 16;
/** Random bytes fetched 256 ids at a time: one call into the CSPRNG per id was ~2% of the CPU per message. */
const ID_POOL_BYTES = ID_BYTES * 256;
let idPool = Buffer.alloc(0);
let idOffset = 0;

/** The client id of a message the server writes itself (events, notes): a UUID, as clients send. */
export const newClientMessageId = (): ClientMessageId => randomUUID() as ClientMessageId;

/** An id that the same seed always gives (so a retry finds what the first attempt made). */
export function derivedId<T extends string>(seed: string): T {
  return sha256(seed).slice(0, 22) as T;
}

/** Server-generated ids: 16 random bytes, base64url. */
export function newId<T extends string = string>(): T {
  if (idOffset + ID_BYTES > idPool.length) {
    idPool = randomBytes(ID_POOL_BYTES);
    idOffset = 0;
  }
  const id = idPool.toString('base64url', idOffset, idOffset + ID_BYTES);
  idOffset += ID_BYTES;
  return id as T;
}

/** Bearer secrets (visitor tokens, session cookies): 32 random bytes. Stored only hashed. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Constant-time comparison of two hex strings of any length. */
export function hexEquals(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase(), 'hex');
  const y = Buffer.from(b.toLowerCase(), 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export const hmacSha256Hex = (secret: string, data: string): string =>
  createHmac('sha256', secret).update(data).digest('hex');

// scrypt at N=2^15, r=8: ~32 MiB and tens of milliseconds per hash (OWASP's minimum is 2^17
// for r=8,p=1 with less memory; this is the equivalent cost at 32 MiB).
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } satisfies ScryptOptions;
const KEY_LENGTH = 32;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** "scrypt$N$r$p$salt$hash", salt and hash base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to verify against when the account does not exist, so timing reveals nothing. */
export const DUMMY_PASSWORD_HASH = hashPassword(newSecret());

/** A UUID (v4-shaped) that the same seed always gives: idempotency keys and client ids the server derives. */
export function derivedUuid<T extends string = string>(seed: string): T {
  const h = sha256(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}` as T;
}
