/** Uploading a file and sending it as a message (issue 12 item 5). */
import { z } from 'zod';
import { ID_PATTERN } from '../ids.js';
import * as c from './common.js';

export const attachmentId = z.string().regex(ID_PATTERN, 'must be an id').brand<'AttachmentId'>();
export const uploadKey = z.uuid().brand<'UploadKey'>();

/**
 * The upload's query string: the body is the file itself (application/octet-stream), so the
 * server reads its bytes once and no multipart parser sits between the socket and sharp.
 */
export const attachmentUploadQuery = z.object({
  conversationId: c.conversationId,
  key: uploadKey,
  /** Shown beside the file; its extension decides nothing. */
  name: c.plainLine(200).default(''),
});

export const attachmentIdParams = z.object({ id: attachmentId });

/** Sends an uploaded file into the conversation; the same clientId rule as message:send. */
export const attachmentSend = z.object({
  conversationId: c.conversationId,
  clientId: c.clientMessageId,
  attachmentId,
});

export const attachmentMeta = z.object({
  id: attachmentId,
  name: z.string(),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
  size: z.int(),
  width: z.int().nullable(),
  height: z.int().nullable(),
  thumb: z.boolean(),
});

export const attachmentUploadResponse = z.object({ attachment: attachmentMeta });
