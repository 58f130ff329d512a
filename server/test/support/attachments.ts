/** Uploading and reading attachments the way the widget and the console do (over HTTP). */
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { TestServer } from './test-server.js';

export type Credential = { token: string } | { cookie: string };

const headersFor = (who: Credential): Record<string, string> =>
  'token' in who ? { authorization: `Bearer ${who.token}` } : { cookie: who.cookie };

/** POSTs the bytes; `siteId` is added for a shopper (their token belongs to the site). */
export function uploadAttachment(
  server: TestServer,
  who: Credential,
  input: { conversationId: string; bytes: Uint8Array; name?: string; key?: string; contentType?: string; headers?: Record<string, string> },
): Promise<Response> {
  const query = new URLSearchParams({ conversationId: input.conversationId, key: input.key ?? randomUUID(), name: input.name ?? 'file' });
  if ('token' in who) query.set('siteId', server.site.id);
  return fetch(`${server.url}/api/v1/attachments?${query}`, {
    method: 'POST',
    headers: { 'content-type': input.contentType ?? 'application/octet-stream', ...headersFor(who), ...input.headers },
    body: new Uint8Array(input.bytes),
  });
}

export function readAttachment(server: TestServer, who: Credential, id: string, thumb = false): Promise<Response> {
  const query = 'token' in who ? `?siteId=${server.site.id}` : '';
  return fetch(`${server.url}/api/v1/attachments/${id}${thumb ? '/thumb' : ''}${query}`, { headers: headersFor(who) });
}

/** A JPEG as a phone writes it: GPS position and camera in EXIF, rotated by the orientation tag. */
export function phonePhoto(width = 64, height = 32): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .jpeg()
    // Orientation 6: the camera was turned; the pixels are stored sideways.
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' },
    })
    .toBuffer();
}

/** A photo a person can recognise in a screenshot: a "broken mug" drawn on a warm background, with GPS EXIF. */
export function brokenMugPhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <rect width="800" height="600" fill="#f4e3c1"/>
    <path d="M250 200h260v240a40 40 0 0 1-40 40H290a40 40 0 0 1-40-40z" fill="#2f6f9f"/>
    <path d="M510 250h50a50 50 0 0 1 0 120h-50" fill="none" stroke="#2f6f9f" stroke-width="28"/>
    <path d="M380 200l-30 90 40 40-30 150" fill="none" stroke="#f4e3c1" stroke-width="10"/>
    <text x="400" y="560" font-size="40" text-anchor="middle" font-family="sans-serif" fill="#333">broken mug</text>
  </svg>`;
  return sharp(Buffer.from(svg))
    .jpeg({ quality: 85 })
    .withExifMerge({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1' } })
    .toBuffer();
}
