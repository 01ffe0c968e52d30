// What every channel is handed as it mounts: the server for its routes, the one way to run a
// turn, the fail-safe words, who sent a request, the registry where it says how later messages reach its
// conversations, and whether the app is shutting down.
import type { Server } from 'restify';
import type { ClientAddressReader } from '../bot/http/clientAddress';
import type { Logger } from '../bot/platform/logger';
import type { DeliveryRoutes } from '../bot/turn/delivery';
import type { FailSafe } from '../bot/turn/failSafe';
import type { RunTurn } from '../bot/turn/runTurn';

export interface ChannelHost {
  server: Server;
  runTurn: RunTurn;
  failSafe: FailSafe;
  delivery: Pick<DeliveryRoutes, 'register'>;
  logger: Logger;
  /** Who sent a request: the connected address, or behind trusted proxies the one they saw. */
  clientAddress: ClientAddressReader;
  isShuttingDown: () => boolean;
}
