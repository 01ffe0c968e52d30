# syntax=docker/dockerfile:1
# Build once, run many. The build stage compiles the bot and gathers what a server runs
# (deploy/stageRuntime.ts: the compiled bot, its content, migrations and widget page, and the
# production packages only). The run stage is node and that folder, as a user without root.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY bot bot
COPY channels channels
COPY dialogs dialogs
COPY bench bench
COPY test test
COPY deploy deploy
COPY content content
RUN npm run build && node dist/deploy/stageRuntime.js /runtime

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /runtime ./
# The embedded database's folder, for a single instance without DATABASE_URL (mount a volume).
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3978
# Liveness only: /livez answers while the process serves; /readyz is for the load balancer.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/livez').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/bot/server.js"]
