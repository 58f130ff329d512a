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
} as const;
