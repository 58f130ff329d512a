/**
 * Issue 12 item 5: what a shopper or an agent uploads is checked by its bytes, capped in size,
 * and images are re-encoded without metadata; a retried upload is one attachment; served files
 * never execute.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phonePhoto, readAttachment, uploadAttachment } from '../support/attachments.js';
import { ok, startTestServer, visitorCommand, type TestServer } from '../support/test-server.js';

const MAX = 300 * 1024;

describe('attachments are checked by content and stripped', () => {
  let server: TestServer;
  let token: string;
  let conversationId: string;

  const storedFiles = async () => readdir(path.join(server.config.dataDir, 'attachments')).catch(() => []);

  beforeAll(async () => {
    server = await startTestServer({ config: { attachmentMaxBytes: MAX } });
    const shopper = await server.visitor();
    token = shopper.token;
    conversationId = ok(await visitorCommand(shopper.socket, 'conversation:start', {})).conversation.id;
  });
  afterAll(() => server?.close());

  it('a phone photo loses its EXIF (GPS, camera) and is turned upright; a thumbnail is made', async () => {
    const photo = await phonePhoto(64, 32);
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const res = await uploadAttachment(server, { token }, { conversationId, bytes: photo, name: 'IMG_0001.jpg' });
    expect(res.status).toBe(200);
    const { attachment } = (await res.json()) as { attachment: { id: string; mime: string; width: number; height: number; thumb: boolean } };
    // Orientation 6 applied: the stored image is upright (32 wide, 64 high).
    expect(attachment).toMatchObject({ mime: 'image/jpeg', width: 32, height: 64, thumb: true });

    const served = await readAttachment(server, { token }, attachment.id);
    expect(served.status).toBe(200);
    const bytes = Buffer.from(await served.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation ?? 1).toBe(1);
    expect(bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('content-disposition')).toMatch(/^inline; filename="IMG_0001.jpg"/);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(served.headers.get('cache-control')).toMatch(/^private/);

    const thumb = await readAttachment(server, { token }, attachment.id, true);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).exif).toBeUndefined();
  });

  it('a retry with the same upload key returns the same attachment and stores nothing more', async () => {
    const key = randomUUID();
    const photo = await phonePhoto();
    const first = (await (await uploadAttachment(server, { token }, { conversationId, bytes: photo, key })).json()) as { attachment: { id: string } };
    const before = await storedFiles();
    const again = await Promise.all(
      [1, 2, 3].map(async () => (await (await uploadAttachment(server, { token }, { conversationId, bytes: photo, key })).json()) as { attachment: { id: string } }),
    );
    expect(again.map((a) => a.attachment.id)).toEqual([first.attachment.id, first.attachment.id, first.attachment.id]);
    expect((await storedFiles()).sort()).toEqual(before.sort());
  });

  it('an oversized file is refused and nothing is stored', async () => {
    const before = await storedFiles();
    const big = Buffer.concat([await phonePhoto(), Buffer.alloc(MAX + 1)]);
    const res = await uploadAttachment(server, { token }, { conversationId, bytes: big });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    expect(await storedFiles()).toEqual(before);
  });

  const refused: [string, Buffer][] = [
    ['plain text', Buffer.from('just some text, not a picture\n')],
    ['a Windows program (.exe)', Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200)])],
    ['an SVG renamed .png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>')],
    ['an HTML page renamed .png', Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')],
    ['a GIF (not on the list)', Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')],
    ['a PNG signature over HTML (polyglot)', Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('<html><script>alert(1)</script></html>')])],
    ['a PDF that runs JavaScript', Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF')],
  ];
  it.each(refused)('%s is refused whatever its name and declared type', async (_label, bytes) => {
    const before = await storedFiles();
    const res = await uploadAttachment(server, { token }, { conversationId, bytes, name: 'photo.png', headers: { 'x-declared': 'image/png' } });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('attachment_type_refused');
    expect(await storedFiles()).toEqual(before);
  });

  it('a PDF is stored as is and served as a download, never as a page', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const res = await uploadAttachment(server, { token }, { conversationId, bytes: pdf, name: '收据 receipt.pdf' });
    expect(res.status).toBe(200);
    const { attachment } = (await res.json()) as { attachment: { id: string; mime: string; thumb: boolean } };
    expect(attachment).toMatchObject({ mime: 'application/pdf', thumb: false });
    const served = await readAttachment(server, { token }, attachment.id);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-disposition')).toBe(
      `attachment; filename="__ receipt.pdf"; filename*=UTF-8''${encodeURIComponent('收据 receipt.pdf')}`,
    );
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('a page elsewhere cannot upload with the agent cookie (cross-origin, or as a form)', async () => {
    const { cookie } = await server.agent({ role: 'supervisor' });
    const photo = await phonePhoto();
    const cross = await uploadAttachment(server, { cookie }, { conversationId, bytes: photo, headers: { origin: 'http://evil.test', 'sec-fetch-site': 'cross-site' } });
    expect(cross.status).toBe(403);
    const form = await uploadAttachment(server, { cookie }, { conversationId, bytes: photo, contentType: 'multipart/form-data; boundary=x' });
    expect(form.status).toBe(415);
    const own = await uploadAttachment(server, { cookie }, { conversationId, bytes: photo });
    expect(own.status).toBe(200);
  });
});
