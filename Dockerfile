# Circulair Loket — production image. NOT built or run on the development machines (no Docker engine there;
# only the docker client is installed). See docs/deployment.md.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# The service runs its TypeScript sources through tsx (as `npm start` does); tsx is a dev dependency, so the full
# install is kept. npm's cache is dropped.
RUN npm ci --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
# pg_dump / pg_restore for `npm run db:backup` and `db:restore` inside the container.
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client-15 tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    LOG_LEVEL=info \
    DATA_DIR=/data/pglite
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json tsconfig.json ./
COPY src ./src
COPY drizzle ./drizzle
COPY data ./data
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# tini forwards SIGTERM to node, which then stops gracefully (SHUTDOWN_GRACE_SECONDS, default 20).
ENTRYPOINT ["/usr/bin/tini", "--"]
# `node --import tsx` runs the server in this one process (the tsx CLI would add a second one).
CMD ["node", "--import", "tsx", "src/server.ts"]
