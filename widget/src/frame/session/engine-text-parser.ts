/**
 * engine.io's packet format (protocol v4) for text packets only, in place of engine.io-parser
 * (swapped in at build time, see vite.config.ts): no Blob, ArrayBuffer or base64 handling,
 * which the chat never uses, for about 1.2 KB gzip less.
 *
 *   packet:  <type digit><data>      e.g. "2" (ping), "42/visitor,[...]" (a socket.io message)
 *   payload: packets joined by U+001E (long-polling)
 */
export const protocol = 4;

const TYPES = ['open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop'];
const SEPARATOR = '\x1e';
const ERROR_PACKET = { type: 'error', data: 'parser error' };

export interface EnginePacket {
  type: string;
  data?: string;
}

export function encodePacket(packet: EnginePacket, _supportsBinary: boolean, callback: (encoded: string) => void): void {
  callback(TYPES.indexOf(packet.type) + (packet.data || ''));
}

export function decodePacket(encoded: unknown): EnginePacket {
  const type = typeof encoded === 'string' ? TYPES[Number(encoded[0])] : undefined;
  if (!type || !/^\d/.test(encoded as string)) return ERROR_PACKET;
  return (encoded as string).length > 1 ? { type, data: (encoded as string).slice(1) } : { type };
}

export function encodePayload(packets: EnginePacket[], callback: (encoded: string) => void): void {
  callback(packets.map((p) => TYPES.indexOf(p.type) + (p.data || '')).join(SEPARATOR));
}

export function decodePayload(payload: string): EnginePacket[] {
  const packets: EnginePacket[] = [];
  for (const encoded of payload.split(SEPARATOR)) {
    const packet = decodePacket(encoded);
    packets.push(packet);
    if (packet.type === 'error') break;
  }
  return packets;
}

/** Only engine.io-client's WebTransport transport streams packets; the chat leaves it out. */
export function createPacketEncoderStream(): never {
  throw new Error('WebTransport is not supported here');
}
export const createPacketDecoderStream = createPacketEncoderStream;
