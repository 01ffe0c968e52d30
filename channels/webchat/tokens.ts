// Direct Line tokens: signed (HS256, jsonwebtoken) for one conversation and its user, with an
// expiry read against the injected clock. A token for one conversation never opens another.
import jwt from 'jsonwebtoken';
import type { Clock } from '../../bot/platform/clock';

export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** The page's language, so the welcome (sent before the user types) is in it. */
  locale?: string;
}

export interface TokenIssuer {
  readonly ttlSeconds: number;
  issue(claims: TokenClaims): string;
  /** The claims of a valid, unexpired token; undefined otherwise. */
  verify(token: string): TokenClaims | undefined;
  /** Whether a token is one this bot signed, now past its expiry (Direct Line answers 403 TokenExpired). */
  expired(token: string): boolean;
}

const ISSUER = 'helpline-bot/directline';

export function createTokenIssuer(secret: string, clock: Clock, ttlSeconds: number): TokenIssuer {
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);
  return {
    ttlSeconds,
    issue({ conversationId, userId, locale }) {
      const iat = nowSeconds();
      return jwt.sign({ conv: conversationId, user: userId, ...(locale ? { lang: locale } : {}), iat, exp: iat + ttlSeconds }, secret, {
        algorithm: 'HS256',
        issuer: ISSUER,
      });
    },
    verify(token) {
      try {
        const claims = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, clockTimestamp: nowSeconds() });
        if (typeof claims !== 'object' || typeof claims.conv !== 'string' || typeof claims.user !== 'string') return undefined;
        return { conversationId: claims.conv, userId: claims.user, ...(typeof claims.lang === 'string' ? { locale: claims.lang } : {}) };
      } catch {
        return undefined;
      }
    },
    expired(token) {
      try {
        jwt.verify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, clockTimestamp: nowSeconds() });
        return false;
      } catch (error) {
        return error instanceof jwt.TokenExpiredError;
      }
    },
  };
}
