// Which addresses the image proxy refuses to fetch from: anything that is not the public internet
// (this machine, the LAN, link-local cloud metadata, multicast, reserved), so a link in a story
// can never make the archive reach into the network it runs in.
import { BlockList, isIP } from 'node:net';
import type { AllowedImageHost } from '../config.js';

const IPV4_PRIVATE: Array<[string, number]> = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16],
  ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];
const IPV6_PRIVATE: Array<[string, number]> = [
  ['::', 128], ['::1', 128], ['100::', 64], ['2001::', 32], ['2001:db8::', 32], ['2002::', 16],
  ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
];

const PRIVATE = new BlockList();
for (const [address, prefix] of IPV4_PRIVATE) {
  // A v4 rule also covers the v4-mapped v6 form (::ffff:a.b.c.d); NAT64 (64:ff9b::/96) needs its own.
  PRIVATE.addSubnet(address, prefix, 'ipv4');
  PRIVATE.addSubnet(`64:ff9b::${address}`, 96 + prefix, 'ipv6');
}
for (const [address, prefix] of IPV6_PRIVATE) PRIVATE.addSubnet(address, prefix, 'ipv6');

/** True for an address that is not on the public internet (or is not an address at all). */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 0) return true;
  return PRIVATE.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/** True when the operator let this host (at this port) be fetched from though it has a private address. */
export function isAllowedHost(allowed: readonly AllowedImageHost[], url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = Number(url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : url.port);
  return allowed.some((entry) => entry.host === host && (entry.port === null || entry.port === port));
}
