// Whose request it is: the address that connected, or, behind proxies we were told to trust
// (TRUST_PROXY), the address the outermost of them saw. X-Forwarded-For is written by whoever
// sends the request, so only the entries our own proxies appended are believed.
import type { IncomingMessage } from 'node:http';

export type ClientAddressReader = (req: Pick<IncomingMessage, 'headers' | 'socket'>) => string;

/** `trustedProxies`: how many proxies stand in front of the bot, each appending to X-Forwarded-For. */
export function clientAddressReader(trustedProxies: number): ClientAddressReader {
  return (req) => {
    const connected = plain(req.socket.remoteAddress ?? 'unknown');
    if (trustedProxies === 0) return connected;
    const header = req.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    // Nearest last: the connected proxy, then what each trusted proxy appended, right to left.
    const hops = [...forwarded.map(plain), connected];
    return hops[hops.length - 1 - trustedProxies] ?? hops[0] ?? connected;
  };
}

/** "::ffff:192.0.2.1" and "192.0.2.1" are one client. */
function plain(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1').toLowerCase();
}
