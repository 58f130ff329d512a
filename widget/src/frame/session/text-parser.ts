/**
 * socket.io's packet format (protocol v5) for text packets only, in place of socket.io-parser
 * (swapped in at build time, see vite.config.ts). The chat never sends or receives binary
 * attachments, and dropping their support saves about 1.5 KB gzip of the chat's budget.
 *
 *   <type>[<namespace>,][<ack id>][<JSON data>]    e.g. 2/visitor,12["message:send",{...}]
 *
 * A binary packet or malformed JSON throws, which socket.io-client treats as a parse error
 * (it closes and reconnects), exactly as with the original parser. Upstream also checks each
 * payload's shape (CONNECT an object, EVENT an array led by a non-reserved name, ACK an
 * array, DISCONNECT none); the fork skips that (about 0.1 KB gzip): the only sender is our
 * own server at the pinned socket.io version, which never sends those shapes. The
 * round-trip test (test/session/parsers-round-trip.test.ts) pins that this is the only
 * difference for what a server sends.
 */
export const protocol = 5;

export const PacketType = { CONNECT: 0, DISCONNECT: 1, EVENT: 2, ACK: 3, CONNECT_ERROR: 4, BINARY_EVENT: 5, BINARY_ACK: 6 };

export interface Packet {
  type: number;
  nsp: string;
  id?: number;
  data?: unknown;
}

const PACKET = /^([0-4])(?:(\/[^,]*),?)?(\d*)([\s\S]*)$/;

export function encode(packet: Packet): string {
  const nsp = packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : '';
  return `${packet.type}${nsp}${packet.id ?? ''}${packet.data === undefined ? '' : JSON.stringify(packet.data)}`;
}

export function decode(text: string): Packet {
  const match = PACKET.exec(text);
  if (!match) throw new Error('unsupported packet');
  const [, type, nsp, id, data] = match;
  return {
    type: Number(type),
    nsp: nsp || '/',
    ...(id && { id: Number(id) }),
    ...(data && { data: JSON.parse(data) as unknown }),
  };
}

export class Encoder {
  encode = (packet: Packet) => [encode(packet)];
}

/** The part of socket.io-parser's Decoder that socket.io-client's Manager uses. */
export class Decoder {
  private listener?: (packet: Packet) => void;

  on(_event: 'decoded', listener: (packet: Packet) => void) {
    this.listener = listener;
  }

  off() {
    this.listener = undefined;
  }

  destroy() {
    this.listener = undefined;
  }

  add(chunk: unknown) {
    if (typeof chunk !== 'string') throw new Error('binary packets are not supported');
    this.listener?.(decode(chunk));
  }
}
