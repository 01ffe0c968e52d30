// Bot Framework authentication that builds each connector client and user token client once, not
// on every request: botbuilder asks for both on every activity, and building them (credentials, an
// HTTP pipeline) was about a twentieth of a turn's CPU. The clients hold no per-request state.
import type { Activity } from 'botbuilder';
import {
  BotFrameworkAuthentication,
  ConnectorFactory,
  JwtTokenValidation,
  SkillValidation,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

class CachedConnectorFactory extends ConnectorFactory {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(private readonly inner: ConnectorFactory) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${serviceUrl}\n${audience ?? ''}`;
    let client = this.clients.get(key);
    if (!client) {
      client = this.inner.create(serviceUrl, audience);
      // A failed build is not kept: the next request tries again.
      client.catch(() => this.clients.delete(key));
      this.clients.set(key, client);
    }
    return client;
  }
}

export class CachedBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly factories = new Map<string, CachedConnectorFactory>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.withCachedFactory(await this.inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.withCachedFactory(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.factoryFor(claimsIdentity, () => this.inner.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appIdOf(claimsIdentity);
    let client = this.tokenClients.get(key);
    if (!client) {
      client = this.inner.createUserTokenClient(claimsIdentity);
      client.catch(() => this.tokenClients.delete(key));
      this.tokenClients.set(key, client);
    }
    return client;
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private withCachedFactory(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const { connectorFactory } = result;
    return connectorFactory ? { ...result, connectorFactory: this.factoryFor(result.claimsIdentity, () => connectorFactory) } : result;
  }

  /** One factory per bot identity (the app id the claims are for, none when running unauthenticated; a skill's apart). */
  private factoryFor(claimsIdentity: ClaimsIdentity, make: () => ConnectorFactory): ConnectorFactory {
    const key = appIdOf(claimsIdentity);
    let factory = this.factories.get(key);
    if (!factory) {
      factory = new CachedConnectorFactory(make());
      this.factories.set(key, factory);
    }
    return factory;
  }
}

function appIdOf(claimsIdentity: ClaimsIdentity): string {
  const skill = SkillValidation.isSkillClaim(claimsIdentity.claims) ? ' skill' : '';
  return `${JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? ''}${skill}`;
}
