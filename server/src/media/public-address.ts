import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Only addresses on the public internet: ipaddr.js names every special range (loopback,
 * private, link-local and the cloud metadata address 169.254.169.254, unique-local, CGNAT,
 * multicast, reserved, 6to4/Teredo/NAT64 that can wrap a private IPv4...), and "unicast" is
 * what is left. An IPv4-mapped IPv6 address is judged as the IPv4 it carries.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

export class BlockedAddressError extends Error {
  constructor(readonly host: string) {
    super(`${host} does not resolve to a public address`);
    this.name = 'BlockedAddressError';
  }
}

/**
 * A `lookup` for http(s).request that refuses the connection unless every address the name
 * resolves to is allowed. The check happens on the address the socket then connects to, so a
 * name that resolves to a public address when checked and a private one when used (DNS
 * rebinding) cannot slip through. Literal IPs skip `lookup` in Node: check those before.
 */
export function guardedLookup(allow: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const first = addresses[0];
      if (!first || addresses.some((a) => !allow(a.address))) return callback(new BlockedAddressError(hostname), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}
