/**
 * Words for attachments in the console (issue 12 item 5), in English and Chinese, shaped like
 * lib/order-text.ts so the console's catalogue can take them in as they are.
 */
import { consoleLocale, type ConsoleLocale } from '../lib/order-text.js';

const en = {
  attach: 'Attach a photo or PDF',
  drop: 'Drop files to attach them',
  uploading: (name: string) => `Uploading ${name}`,
  failed: (name: string) => `Could not send ${name}`,
  tooLarge: (name: string) => `${name} is too large`,
  wrongType: (name: string) => `${name}: only JPEG, PNG and WebP photos and PDF files can be attached`,
  notYours: 'Only the agent holding this conversation can send files to the shopper.',
  retry: 'Retry',
  remove: 'Remove',
  open: (name: string) => `Open ${name} full size`,
  download: (name: string) => `Download ${name}`,
};

const zh: typeof en = {
  attach: '添加照片或 PDF',
  drop: '拖放文件到此处即可添加',
  uploading: (name) => `正在上传 ${name}`,
  failed: (name) => `${name} 发送失败`,
  tooLarge: (name) => `${name} 太大了`,
  wrongType: (name) => `${name}：仅支持 JPEG、PNG、WebP 照片和 PDF 文件`,
  notYours: '只有负责此会话的客服才能向顾客发送文件。',
  retry: '重试',
  remove: '移除',
  open: (name) => `查看 ${name} 原图`,
  download: (name) => `下载 ${name}`,
};

export const attachmentText = (locale: ConsoleLocale = consoleLocale()) => (locale === 'zh' ? zh : en);

/** "12 KB", "1.4 MB". */
export function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
