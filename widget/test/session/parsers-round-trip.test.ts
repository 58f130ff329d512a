// @vitest-environment node
/**
 * The forks that the build swaps in (text-parser.ts, engine-text-parser.ts) against the
 * upstream packages at the pinned versions: random packets through both encoders and
 * decoders give equal results. Where the fork deliberately differs, the difference is
 * pinned down below with the reason it is safe.
 */
import * as upstreamEngine from 'engine.io-parser';
import fc from 'fast-check';
import { Decoder as UpstreamDecoder, Encoder as UpstreamEncoder, PacketType } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import * as forkEngine from '../../src/frame/session/engine-text-parser';
import { decode, encode, type Packet } from '../../src/frame/session/text-parser';

const RESERVED = ['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'];
const nsp = fc.oneof(fc.constantFrom('/', '/visitor', '/agent'), fc.stringMatching(/^\/[a-z0-9-]{1,12}$/));
const id = fc.option(fc.nat({ max: 2 ** 31 - 1 }), { nil: undefined });
const json = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const object = fc.dictionary(fc.string(), json);
const eventName = fc.string({ minLength: 1 }).filter((s) => !RESERVED.includes(s));

/** Text packets as a Socket.IO server or client sends them, payloads valid for their type. */
const packet: fc.Arbitrary<Packet> = fc.oneof(
  fc.record({ type: fc.constant(PacketType.CONNECT), nsp, data: object }),
  fc.record({ type: fc.constant(PacketType.DISCONNECT), nsp }),
  fc.record({ type: fc.constant(PacketType.EVENT), nsp, id, data: fc.tuple(eventName, fc.array(json, { maxLength: 3 })).map(([n, a]) => [n, ...a]) }),
  fc.record({ type: fc.constant(PacketType.ACK), nsp, id: fc.nat({ max: 2 ** 31 - 1 }), data: fc.array(json, { maxLength: 3 }) }),
  fc.record({ type: fc.constant(PacketType.CONNECT_ERROR), nsp, data: fc.oneof(fc.string(), object) }),
);

function upstreamDecode(text: string): unknown {
  const decoder = new UpstreamDecoder();
  let out: unknown;
  decoder.on('decoded', (p: unknown) => (out = p));
  decoder.add(text);
  return out;
}

describe('socket.io packets: fork vs socket.io-parser', () => {
  it('encodes every valid text packet to the same string, and decodes it to the same packet', () => {
    fc.assert(
      fc.property(packet, (p) => {
        const text = encode(p);
        expect(new UpstreamEncoder().encode(p)).toEqual([text]);
        expect(decode(text)).toEqual(upstreamDecode(text));
      }),
      { numRuns: 500 },
    );
  });

  it('differs only by accepting payloads of the wrong shape, which the client then ignores', () => {
    // Upstream throws "invalid payload"; the fork passes them on. socket.io-client reads
    // CONNECT data as the session id object, EVENT data as an argument list, ACK data as
    // arguments: none of these come malformed from our own (pinned) server.
    for (const t of ['0/visitor,"x"', '1/visitor,{}', '2/visitor,{"a":1}', '2["connect"]', '3/visitor,1{"a":1}']) {
      expect(() => upstreamDecode(t)).toThrow();
      expect(() => decode(t)).not.toThrow();
    }
  });
});

const engineType = fc.constantFrom('open', 'close', 'ping', 'pong', 'message', 'upgrade', 'noop');
const enginePacket = fc.record({ type: engineType, data: fc.option(fc.string({ minLength: 1 }), { nil: undefined }) });

describe('engine.io packets: fork vs engine.io-parser', () => {
  it('encodes and decodes text packets and long-polling payloads alike', () => {
    fc.assert(
      fc.property(fc.array(enginePacket, { minLength: 1, maxLength: 5 }), (packets) => {
        for (const p of packets) {
          let up = '';
          let fork = '';
          upstreamEngine.encodePacket(p as never, true, (s) => (up = s as string));
          forkEngine.encodePacket(p, true, (s) => (fork = s));
          expect(fork).toBe(up);
          expect(forkEngine.decodePacket(fork)).toEqual(upstreamEngine.decodePacket(up));
        }
        let up = '';
        let fork = '';
        upstreamEngine.encodePayload(packets as never, (s) => (up = s));
        forkEngine.encodePayload(packets, (s) => (fork = s));
        expect(fork).toBe(up);
        expect(forkEngine.decodePayload(fork)).toEqual(upstreamEngine.decodePayload(up));
      }),
      { numRuns: 500 },
    );
  });

  it('decodes arbitrary text alike, except base64 binary ("b…"), which the chat never asks for', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.startsWith('b')),
        (s) => {
          expect(forkEngine.decodePacket(s)).toEqual(upstreamEngine.decodePacket(s));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
