/**
 * Profile pictures: what the console uploads is checked by its bytes (a declared type proves
 * nothing), capped in size, and stored with a content hash. The console resizes before upload,
 * so the server needs no image library.
 */
import { createHash } from 'node:crypto';
import { LIMITS } from '@counter/shared';
import type { AvatarDoc } from '../store/documents.js';
import { AppError } from './errors.js';

/** The file's type from its first bytes, or null for anything that is not PNG, JPEG or WebP. */
export function sniffImage(bytes: Uint8Array): AvatarDoc['type'] | null {
  const at = (i: number, ...b: number[]) => b.every((v, k) => bytes[i + k] === v);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'image/webp';
  return null;
}

export function avatarFromBase64(base64: string): AvatarDoc {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > LIMITS.avatarBytes) {
    throw new AppError('payload_too_large', { message: `A profile picture may be up to ${LIMITS.avatarBytes / 1024} KB.` });
  }
  const type = sniffImage(bytes);
  if (!type) throw new AppError('validation_failed', { message: 'A profile picture must be a PNG, JPEG or WebP image.' });
  return { type, data: bytes.toString('base64'), hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16) };
}
