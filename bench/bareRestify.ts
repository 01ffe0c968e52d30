// The floor for bench/journeys.ts: restify alone, answering POST /api/messages with a fixed
// JSON reply (the body is read and parsed, as any bot must, and then ignored). No botbuilder,
// no state, no storage.
import restify from 'restify';

const reply = { activities: [{ type: 'message', text: 'OK' }] };

const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.get('/healthz', (_req, res, next) => {
  res.send(200, { status: 'ok' });
  next();
});
server.post('/api/messages', (_req, res, next) => {
  res.send(200, reply);
  next();
});
server.listen(Number(process.env.PORT ?? 3980), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
});
