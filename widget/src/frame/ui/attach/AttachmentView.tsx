/**
 * A file in the thread: a photo as its thumbnail (a click opens it full size inside the chat),
 * a PDF as a chip that downloads it. Files are read with the visitor token and shown as blob:
 * URLs (see session/attachments.ts). A chunk of its own, loaded when a thread has a file.
 */
import type { AttachmentMeta } from '@counter/shared';
import { useEffect, useState } from 'preact/hooks';
import { ATTACHMENTS } from '../../../i18n/attachments';
import { useSession, useText } from '../use-chat';


/** Shown at most this wide; the thumbnail (320 px) stays sharp on a 2x screen. */
const SHOWN_PX = 200;

const kb = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function AttachmentView({ meta }: { meta: AttachmentMeta }) {
  const t = useText(ATTACHMENTS);
  const session = useSession();
  const [thumb, setThumb] = useState<string>();
  const [full, setFull] = useState<string | null>(null);
  const url = (small: boolean) => session.attachments().then((api) => api.url(meta, small));

  useEffect(() => {
    // Not shown yet when it fails: the placeholder stays, the next render tries again.
    if (meta.thumb) url(true).then(setThumb, () => setThumb(undefined));
  }, [meta.id]);

  if (!meta.thumb) {
    const download = () =>
      void url(false).then((href) => {
        const link = document.createElement('a');
        link.href = href;
        link.download = meta.name;
        link.click();
      });
    return (
      <button type="button" class="att-file" aria-label={t('download', { name: meta.name })} onClick={download}>
        📄 {meta.name} · {kb(meta.size)}
      </button>
    );
  }

  const width = Math.min(SHOWN_PX, meta.width ?? SHOWN_PX);
  const height = Math.round((width * (meta.height ?? width)) / (meta.width ?? width));
  return (
    <>
      <button type="button" class="att-thumb" aria-label={t('open', { name: meta.name })} onClick={() => void url(false).then(setFull)}>
        <img src={thumb} width={width} height={height} alt={meta.name} />
      </button>
      {full && (
        <div class="att-full" role="dialog" aria-label={meta.name} onClick={() => setFull(null)}>
          <img src={full} alt={meta.name} />
          <button type="button">{t('close')}</button>
        </div>
      )}
    </>
  );
}
