/**
 * A file in the thread (issue 12 item 5): a photo as its thumbnail, linking to the full-size
 * file in a new tab; a PDF as a chip that downloads it. Both come from the server's attachment
 * route with the session cookie (same origin), which serves them so they never run as a page.
 */
import type { AttachmentMeta } from '@counter/shared';
import { attachmentText, fileSize } from '../../i18n/attachments.js';

/** Shown at most this wide: the thumbnail is 320 px, sharp on a 2x screen. */
const SHOWN_PX = 240;

export function AttachmentMessage({ attachment: a }: { attachment: AttachmentMeta }) {
  const t = attachmentText();
  const href = `/api/v1/attachments/${encodeURIComponent(a.id)}`;
  if (!a.thumb) {
    return (
      <a class="attachment-file" href={href} download={a.name} aria-label={t.download(a.name)}>
        <span aria-hidden="true">📄</span> {a.name} · {fileSize(a.size)}
      </a>
    );
  }
  const width = Math.min(SHOWN_PX, a.width ?? SHOWN_PX);
  const height = Math.round((width * (a.height ?? width)) / (a.width ?? width));
  return (
    <a class="attachment-thumb" href={href} target="_blank" rel="noopener" aria-label={t.open(a.name)}>
      <img src={`${href}/thumb`} width={width} height={height} alt={a.name} loading="lazy" />
    </a>
  );
}
