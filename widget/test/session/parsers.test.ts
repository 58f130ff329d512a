// @vitest-environment node
/** The text-only packet formats that replace socket.io-parser and engine.io-parser in the build. */
import { describe, expect, it } from 'vitest';
import { decodePacket, decodePayload, encodePacket, encodePayload } from '../../src/frame/session/engine-text-parser';
import { parse } from '../../src/frame/session/parse-uri';
import { Decoder, Encoder, decode, encode } from '../../src/frame/session/text-parser';

describe('socket.io packets', () => {
  it('encodes as socket.io-parser does for text packets', () => {
    expect(encode({ type: 0, nsp: '/visitor', data: { token: 't' } })).toBe('0/visitor,{"token":"t"}');
    expect(encode({ type: 2, nsp: '/visitor', id: 12, data: ['message:send', { text: 'hi' }] })).toBe('2/visitor,12["message:send",{"text":"hi"}]');
    expect(encode({ type: 1, nsp: '/visitor' })).toBe('1/visitor,');
    expect(encode({ type: 2, nsp: '/', data: ['x'] })).toBe('2["x"]');
    expect(new Encoder().encode({ type: 3, nsp: '/visitor', id: 4, data: [{ ok: true }] })).toEqual(['3/visitor,4[{"ok":true}]']);
  });

  it('decodes what the server sends', () => {
    expect(decode('0/visitor,{"sid":"abc"}')).toEqual({ type: 0, nsp: '/visitor', data: { sid: 'abc' } });
    expect(decode('3/visitor,12[{"ok":true,"data":null}]')).toEqual({ type: 3, nsp: '/visitor', id: 12, data: [{ ok: true, data: null }] });
    expect(decode('2/visitor,["message:created",{"message":{"text":"1,2"}}]')).toMatchObject({ type: 2, data: ['message:created', { message: { text: '1,2' } }] });
    expect(decode('4/visitor,{"message":"unauthorized","data":{"code":"unauthorized"}}')).toMatchObject({ type: 4, data: { data: { code: 'unauthorized' } } });
    expect(decode('1/visitor,')).toEqual({ type: 1, nsp: '/visitor' });
    expect(decode('2["x"]')).toEqual({ type: 2, nsp: '/', data: ['x'] });
  });

  it('refuses binary and malformed packets (the client closes as on a parse error)', () => {
    expect(() => decode('51-/visitor,["x",{"_placeholder":true,"num":0}]')).toThrow();
    expect(() => decode('2/visitor,[oops')).toThrow();
    const decoder = new Decoder();
    const got: unknown[] = [];
    decoder.on('decoded', (p) => got.push(p));
    decoder.add('2["x"]');
    expect(() => decoder.add(new Uint8Array([1]))).toThrow();
    decoder.destroy();
    decoder.add('2["y"]');
    expect(got).toEqual([{ type: 2, nsp: '/', data: ['x'] }]);
  });
});

describe('engine.io packets', () => {
  it('encodes and decodes text packets and long-polling payloads', () => {
    const out: string[] = [];
    encodePacket({ type: 'message', data: '2["x"]' }, true, (s) => out.push(s));
    encodePacket({ type: 'ping' }, true, (s) => out.push(s));
    encodePayload([{ type: 'message', data: 'a' }, { type: 'pong' }], (s) => out.push(s));
    expect(out).toEqual(['42["x"]', '2', '4a\x1e3']);
    expect(decodePacket('0{"sid":"s"}')).toEqual({ type: 'open', data: '{"sid":"s"}' });
    expect(decodePacket('3')).toEqual({ type: 'pong' });
    expect(decodePacket('bAAE=')).toEqual({ type: 'error', data: 'parser error' });
    expect(decodePacket(new ArrayBuffer(2))).toEqual({ type: 'error', data: 'parser error' });
    expect(decodePayload('4a\x1e2\x1e9x\x1e4b')).toEqual([{ type: 'message', data: 'a' }, { type: 'ping' }, { type: 'error', data: 'parser error' }]);
  });
});

describe('URI parsing', () => {
  it('gives engine.io what it reads', () => {
    expect(parse('https://chat.example.com/visitor')).toMatchObject({ protocol: 'https', host: 'chat.example.com', port: '', path: '/visitor', query: '' });
    expect(parse('http://127.0.0.1:3000/visitor?x=1')).toMatchObject({ protocol: 'http', host: '127.0.0.1', port: '3000', query: 'x=1' });
    expect(parse('http://[::1]:3000/')).toMatchObject({ host: '::1', port: '3000' });
  });
});
