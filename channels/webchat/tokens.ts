// Direct Line tokens: signed (HS256, jsonwebtoken) for one conversation and its user, with an
// expiry read against the injected clock. A token for one conversation never opens another, and
// refreshing never carries a conversation's tokens past their maximum life from the first one.
import jwt from 'jsonwebtoken';
import type { Clock } from '../../bot/platform/clock';

export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** The page's language, so the welcome (sent before the user types) is in it. */
  locale?: string;
  /** When the conversation's first token was issued (seconds): refreshed tokens keep it. */
  born?: number;
}

export interface TokenIssuer {
  /** A token for the claims, expiring after the TTL or at the end of the conversation's maximum life, whichever is first; undefined once that has passed. */
  issue(claims: TokenClaims): { token: string; expiresIn: number } | undefined;
  /** The claims of a valid, unexpired token; undefined otherwise. */
  verify(token: string): TokenClaims | undefined;
  /** Seconds until a valid token runs out: what `expires_in` says for the token in hand; 0 when it is not valid. */
  secondsLeft(token: string): number;
  /** Whether a token is one this bot signed, now past its expiry (Direct Line answers 403 TokenExpired). */
  expired(token: string): boolean;
}

const ISSUER = 'helpline-bot/directline';

export function createTokenIssuer(secret: string, clock: Clock, ttlSeconds: number, maxLifeSeconds: number): TokenIssuer {
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);
  /** The token's payload when this bot signed it and it has not run out; throws otherwise. */
  const checked = (token: string) => jwt.verify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, clockTimestamp: nowSeconds() });
  return {
    issue({ conversationId, userId, locale, born }) {
      const iat = nowSeconds();
      const exp = Math.min(iat + ttlSeconds, (born ?? iat) + maxLifeSeconds);
      if (exp <= iat) return undefined;
      const token = jwt.sign(
        { conv: conversationId, user: userId, ...(locale ? { lang: locale } : {}), born: born ?? iat, iat, exp },
        secret,
        { algorithm: 'HS256', issuer: ISSUER },
      );
      return { token, expiresIn: exp - iat };
    },
    verify(token) {
      try {
        const claims = checked(token);
        if (typeof claims !== 'object' || typeof claims.conv !== 'string' || typeof claims.user !== 'string') return undefined;
        return {
          conversationId: claims.conv,
          userId: claims.user,
          ...(typeof claims.lang === 'string' ? { locale: claims.lang } : {}),
          // Tokens signed before `born` was kept count from their own issue.
          born: typeof claims.born === 'number' ? claims.born : (claims.iat ?? nowSeconds()),
        };
      } catch {
        return undefined;
      }
    },
    secondsLeft(token) {
      try {
        const claims = checked(token);
        return typeof claims === 'object' && typeof claims.exp === 'number' ? Math.max(0, claims.exp - nowSeconds()) : 0;
      } catch {
        return 0;
      }
    },
    expired(token) {
      try {
        checked(token);
        return false;
      } catch (error) {
        return error instanceof jwt.TokenExpiredError;
      }
    },
  };
}
