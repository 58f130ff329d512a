/** The attachment views' words (issue 12 item 5): they load with the views, on first use. */
import type { Strings } from './catalogue';

export const ATTACHMENTS = {
  uploading: ['Uploading {name}', '正在上传 {name}'],
  failed: ['Could not send {name}', '{name} 发送失败'],
  tooLarge: ['{name} is too large', '{name} 太大了'],
  wrongType: ['{name}: only photos (JPEG, PNG, WebP) and PDF files', '{name}：仅支持照片（JPEG、PNG、WebP）和 PDF 文件'],
  retry: ['Retry', '重试'],
  remove: ['Remove', '移除'],
  open: ['Open {name}', '打开 {name}'],
  download: ['Download {name}', '下载 {name}'],
  close: ['Close', '关闭'],
} satisfies Strings;
