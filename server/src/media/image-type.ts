/**
 * The raster formats a shopper's product image may have, recognised by their first bytes
 * (the declared Content-Type is not trusted). An allowlist of five fixed signatures rather
 * than `file-type`: that library's strength is recognising hundreds of formats, and here
 * anything else (SVG above all, which can carry script; HTML; PDF) must be refused anyway.
 */
const SIGNATURES: { type: string; test: (b: Uint8Array) => boolean }[] = [
  { type: 'image/png', test: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: 'image/jpeg', test: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { type: 'image/gif', test: (b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a') },
  { type: 'image/webp', test: (b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP') },
  { type: 'image/avif', test: (b) => ascii(b, 4, 'ftyp') && (ascii(b, 8, 'avif') || ascii(b, 8, 'avis')) },
];

function starts(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((v, i) => bytes[i] === v);
}

function ascii(bytes: Uint8Array, offset: number, text: string): boolean {
  return [...text].every((ch, i) => bytes[offset + i] === ch.charCodeAt(0));
}

/** The image's MIME type, or null when it is not one of the allowed formats. */
export function sniffImageType(bytes: Uint8Array): string | null {
  return SIGNATURES.find((s) => s.test(bytes))?.type ?? null;
}
