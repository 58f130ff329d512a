/**
 * What an uploaded file becomes before it is stored. Its type comes from its bytes
 * (`file-type`), never from its name or the declared Content-Type, and only four types pass.
 * Images are decoded and encoded anew by `sharp`: orientation applied, every metadata block
 * (EXIF with GPS, XMP, ICC comments) left behind, and whatever else the file carried (a
 * script after the image data, a ZIP or HTML polyglot) does not survive, because only pixels
 * are written out. A PDF cannot be re-encoded here; it must start as a PDF, must not carry
 * JavaScript, and is only ever served as a download (see http/attachment-routes.ts).
 */
import type { AttachmentMime } from '@counter/shared';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Sharp } from 'sharp';
import { AppError } from '../domain/errors.js';

export interface PreparedFile {
  mime: AttachmentMime;
  original: Buffer;
  thumb: Buffer | null;
  width: number | null;
  height: number | null;
}

export interface PrepareOptions {
  /** Longest side of a thumbnail, px. */
  thumbPixels: number;
  /** Longest side a stored image is scaled down to, px (a phone photo stays sharp on screen). */
  maxPixels: number;
}

/** Decoding stops beyond this many pixels: a tiny file that decodes to gigabytes is refused. */
const MAX_INPUT_PIXELS = 50_000_000;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
/**
 * Script and program-launch actions in a PDF's plain-text objects; a receipt or a label needs
 * none. (Names inside compressed object streams are not seen: the served PDF is a download
 * with a sandboxing CSP either way, so this is a second line, not the first.)
 */
const PDF_ACTIVE = /\/(JavaScript|JS|Launch)\b/;

const refused = () => new AppError('attachment_type_refused');

export async function prepareAttachment(bytes: Buffer, options: PrepareOptions): Promise<PreparedFile> {
  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed?.mime === 'application/pdf') return preparePdf(bytes);
  if (!sniffed || !IMAGE_TYPES.has(sniffed.mime)) throw refused();
  return prepareImage(bytes, sniffed.mime as AttachmentMime, options);
}

function preparePdf(bytes: Buffer): PreparedFile {
  // file-type finds "%PDF" a little after the start too; a browser's sniffer would not.
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw refused();
  if (PDF_ACTIVE.test(bytes.toString('latin1'))) {
    throw new AppError('attachment_type_refused', { message: 'PDF files with scripts cannot be attached.' });
  }
  return { mime: 'application/pdf', original: bytes, thumb: null, width: null, height: null };
}

async function prepareImage(bytes: Buffer, mime: AttachmentMime, options: PrepareOptions): Promise<PreparedFile> {
  const input = () => sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  try {
    // rotate() with no angle applies the EXIF orientation; no withMetadata(): nothing is kept.
    const encoded = await encode(input().rotate().resize({ width: options.maxPixels, height: options.maxPixels, fit: 'inside', withoutEnlargement: true }), mime)
      .toBuffer({ resolveWithObject: true });
    const thumb = await input()
      .rotate()
      .resize({ width: options.thumbPixels, height: options.thumbPixels, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return { mime, original: encoded.data, thumb, width: encoded.info.width, height: encoded.info.height };
  } catch (err) {
    // The signature said image, the decoder disagreed: a damaged or crafted file.
    throw Object.assign(new AppError('attachment_type_refused', { message: 'The image could not be read.' }), { cause: err });
  }
}

/** The same format out as in (a PNG screenshot stays sharp, a photo stays small). */
function encode(image: Sharp, mime: AttachmentMime): Sharp {
  if (mime === 'image/png') return image.png({ compressionLevel: 9 });
  if (mime === 'image/webp') return image.webp({ quality: 85 });
  return image.jpeg({ quality: 85, mozjpeg: true });
}
