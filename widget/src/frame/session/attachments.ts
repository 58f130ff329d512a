/**
 * Files for the shopper (loaded with the attachment views, never in the first render): upload
 * over HTTP with progress (XMLHttpRequest: fetch reports no upload progress), then send the
 * stored file into the conversation over the socket. Both steps are idempotent, so a retry
 * after a bad connection reuses the upload key and the message's client id: one attachment,
 * one message. Reading needs the visitor token in a header, so files are fetched and shown
 * as blob: URLs (kept per file for the page's life).
 */
import type { AttachmentMeta, ErrorCode } from '@counter/shared';
import type { Core } from './core';
import { RefusedError, TransportError, unwrap } from './transport';

export interface Upload {
  key: string;
  clientId: string;
  file: File;
}

export interface AttachmentsApi {
  /** Uploads (or finds the earlier upload by key) and sends it; starts the conversation if needed. */
  send(upload: Upload, progress: (fraction: number) => void): Promise<void>;
  /** Only uploads (a return's photos): the request that names it is what reaches the conversation. */
  upload(conversationId: string, upload: Upload, progress: (fraction: number) => void): Promise<AttachmentMeta>;
  /** A blob: URL of the file or its thumbnail, fetched once. */
  url(meta: AttachmentMeta, thumb: boolean): Promise<string>;
}

const urls = new Map<string, Promise<string>>();

export function attachmentsApi(core: Core, start: () => Promise<string>, token: () => string | null): AttachmentsApi {
  const { siteId } = core.deps;
  const auth = () => `Bearer ${token() ?? ''}`;

  function put(conversationId: string, upload: Upload, progress: (fraction: number) => void): Promise<AttachmentMeta> {
    const query = new URLSearchParams({ conversationId, key: upload.key, name: upload.file.name, siteId });
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/api/v1/attachments?${query}`);
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      xhr.setRequestHeader('authorization', auth());
      xhr.responseType = 'json';
      xhr.upload.onprogress = (e) => e.lengthComputable && progress(e.loaded / e.total);
      xhr.onload = () => {
        const body = xhr.response as { attachment?: AttachmentMeta; error?: { code: ErrorCode } } | null;
        if (body?.attachment) resolve(body.attachment);
        else reject(new RefusedError(body?.error?.code ?? 'internal'));
      };
      xhr.onerror = () => reject(new TransportError('offline'));
      xhr.send(upload.file);
    });
  }

  return {
    upload: put,
    async send(upload, progress) {
      // As a text message does: an ended conversation is not written to; the file starts the next.
      const shown = core.state().conversation;
      const conversationId = shown && shown.status !== 'resolved' ? shown.id : await start();
      const meta = await put(conversationId, upload, progress);
      const live = core.live();
      if (!live) throw new TransportError('offline');
      const ack = await live.request('attachment:send', { conversationId, clientId: upload.clientId, attachmentId: meta.id });
      core.state().addMessages([unwrap(ack).message]);
    },
    url(meta, thumb) {
      const key = `${meta.id}${thumb ? '/thumb' : ''}`;
      let found = urls.get(key);
      if (!found) {
        found = fetch(`/api/v1/attachments/${key}?siteId=${encodeURIComponent(siteId)}`, { headers: { authorization: auth() } }).then(
          async (res) => {
            if (!res.ok) throw new RefusedError('not_found');
            return URL.createObjectURL(await res.blob());
          },
        );
        // A failed fetch is tried again next time the file is shown.
        found.catch(() => urls.delete(key));
        urls.set(key, found);
      }
      return found;
    },
  };
}
