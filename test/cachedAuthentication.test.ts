// Connector and user token clients are built once per bot identity and service, not per request.
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ClaimsIdentity, type ConnectorFactory } from 'botframework-connector';
import { CachedBotFrameworkAuthentication } from '../channels/botframework/cachedAuthentication';

const ACTIVITY = {
  type: 'message',
  channelId: 'test',
  serviceUrl: 'http://127.0.0.1:9/',
  conversation: { id: 'c' },
  from: { id: 'u' },
} as Activity;

function counting(): { inner: ConfigurationBotFrameworkAuthentication; built: () => number } {
  const inner = new ConfigurationBotFrameworkAuthentication({});
  let built = 0;
  const createFactory = inner.createConnectorFactory.bind(inner);
  const count = (factory: ConnectorFactory): ConnectorFactory => {
    const create = factory.create.bind(factory);
    factory.create = async (serviceUrl, audience) => {
      built += 1;
      return create(serviceUrl, audience);
    };
    return factory;
  };
  inner.createConnectorFactory = (claims) => count(createFactory(claims));
  const authenticate = inner.authenticateRequest.bind(inner);
  inner.authenticateRequest = async (activity, header) => {
    const result = await authenticate(activity, header);
    return result.connectorFactory ? { ...result, connectorFactory: count(result.connectorFactory) } : result;
  };
  return { inner, built: () => built };
}

it('a connector client is built once for many requests to the same service, and again for another service', async () => {
  const { inner, built } = counting();
  const cached = new CachedBotFrameworkAuthentication(inner);
  const clients = [];
  for (let i = 0; i < 5; i += 1) {
    const result = await cached.authenticateRequest({ ...ACTIVITY }, '');
    clients.push(await result.connectorFactory?.create(ACTIVITY.serviceUrl, result.audience));
  }
  expect(built()).toBe(1);
  expect(new Set(clients).size).toBe(1);
  const other = await cached.authenticateRequest({ ...ACTIVITY, serviceUrl: 'http://127.0.0.1:10/' }, '');
  await other.connectorFactory?.create('http://127.0.0.1:10/', other.audience);
  expect(built()).toBe(2);
});

it('the user token client is built once per bot identity', async () => {
  const cached = new CachedBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication({}));
  const identity = new ClaimsIdentity([], true);
  expect(await cached.createUserTokenClient(identity)).toBe(await cached.createUserTokenClient(identity));
});
