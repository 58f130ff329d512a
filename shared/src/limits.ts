/** Limits shared by clients (to stop early) and the server (to enforce). */
export const PROTOCOL_VERSION = 1;

export const LIMITS = {
  /** Characters in one chat message. */
  messageLength: 4000,
  /** Characters in a rating comment, an internal note, a transfer note. */
  commentLength: 1000,
  /** Bytes in one Socket.IO packet (`maxHttpBufferSize`) and one REST body. */
  payloadBytes: 64 * 1024,
  /** Messages per page of history. */
  historyPage: 50,
  historyPageMax: 100,
  /** Pages kept in a visitor's trail. */
  trailLength: 20,
  cartItems: 50,
  tagsPerConversation: 10,
  tagLength: 32,
  /** A profile picture: the console resizes to this square before upload. */
  avatarPixels: 128,
  /** Bytes of a profile picture as uploaded (a 128 px JPEG is a few KB). */
  avatarBytes: 40 * 1024,
} as const;
