// A shared bearer token (the staff list's, the metrics scraper's), compared in constant time on
// digests, so neither the token nor its length shows in how long a wrong one takes.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'restify';

const digestOf = (token: string): Buffer => createHash('sha256').update(token).digest();

/** Whether a request carries the token; undefined when no token is set (the endpoint is off). */
export function bearerTokenCheck(token: string | undefined): ((req: Request) => boolean) | undefined {
  if (!token) return undefined;
  const expected = digestOf(token);
  return (req) => timingSafeEqual(digestOf(/^Bearer (.+)$/.exec(req.header('authorization') ?? '')?.[1] ?? ''), expected);
}
