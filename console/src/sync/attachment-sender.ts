/**
 * Files from the agent (issue 12 item 5): uploaded over HTTP with progress (XMLHttpRequest;
 * fetch reports no upload progress; the session cookie goes along, same origin), then sent
 * into the conversation with `attachment:send`. Both steps are idempotent: the upload key
 * and the message's client id are fixed per file, so a retry makes no second attachment or
 * message.
 */
import type { AttachmentMeta, ConversationId, ErrorCode, Message } from '@counter/shared';
import { createStore } from 'zustand/vanilla';
import type { ThreadsStore } from '../stores/threads-store.js';
import type { Commander } from './commander.js';

export interface PendingUpload {
  key: string;
  clientId: string;
  conversationId: ConversationId;
  file: File;
  progress: number;
  /** Why it failed: a catalogue code, or "offline"; unset while sending. */
  failed?: ErrorCode | 'offline';
}

export function createAttachmentSender(deps: { command: Commander; threads: ThreadsStore; uuid: () => string }) {
  const pending = createStore<{ uploads: PendingUpload[] }>(() => ({ uploads: [] }));
  const patch = (key: string, change: Partial<PendingUpload>) =>
    pending.setState((s) => ({ uploads: s.uploads.map((u) => (u.key === key ? { ...u, ...change } : u)) }));
  const drop = (key: string) => pending.setState((s) => ({ uploads: s.uploads.filter((u) => u.key !== key) }));

  function upload(item: PendingUpload): Promise<AttachmentMeta> {
    const query = new URLSearchParams({ conversationId: item.conversationId, key: item.key, name: item.file.name });
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/api/v1/attachments?${query}`);
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      xhr.responseType = 'json';
      xhr.upload.onprogress = (e) => e.lengthComputable && patch(item.key, { progress: e.loaded / e.total });
      xhr.onload = () => {
        const body = xhr.response as { attachment?: AttachmentMeta; error?: { code: ErrorCode } } | null;
        if (body?.attachment) resolve(body.attachment);
        else reject(body?.error?.code ?? 'internal');
      };
      xhr.onerror = () => reject('offline');
      xhr.send(item.file);
    });
  }

  async function run(item: PendingUpload): Promise<void> {
    patch(item.key, { failed: undefined, progress: 0 });
    try {
      const meta = await upload(item);
      const sent = await deps.command('attachment:send', { conversationId: item.conversationId, clientId: item.clientId, attachmentId: meta.id });
      if (!sent.ok) throw sent.error.code === 'disconnected' ? 'offline' : sent.error.code;
      const message: Message = sent.data.message;
      deps.threads.getState().addMessages(item.conversationId, [message]);
      drop(item.key);
    } catch (code) {
      patch(item.key, { failed: typeof code === 'string' ? (code as PendingUpload['failed']) : 'internal' });
    }
  }

  return {
    pending,
    /** Files picked, dropped or pasted into a conversation's composer. */
    add(conversationId: ConversationId, files: Iterable<File>) {
      const added = [...files].map((file) => ({ key: deps.uuid(), clientId: deps.uuid(), conversationId, file, progress: 0 }));
      pending.setState((s) => ({ uploads: [...s.uploads, ...added] }));
      for (const item of added) void run(item);
    },
    retry: (item: PendingUpload) => void run(item),
    remove: drop,
  };
}

export type AttachmentSender = ReturnType<typeof createAttachmentSender>;
