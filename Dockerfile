# Circulair Loket — production image. NOT built or run on the development machines (no Docker engine there;
# only the docker client is installed). See docs/deployment.md.

# 1. Build: every dependency (TypeScript, PostCSS, PurgeCSS), then `npm run build` compiles src/ to dist/ and writes
#    the purged, precompressed static files.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build

# 2. Production dependencies only: what dist/ imports at run time.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim
# pg_dump / pg_restore for the backup scripts (docs/deployment.md) inside the container.
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
COPY package.json package-lock.json ./
COPY --from=build /app/dist ./dist
# The compiled modules sit as deep in dist/ as their sources in src/: they find drizzle/ and data/ beside dist/.
COPY drizzle ./drizzle
COPY data ./data
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# tini forwards SIGTERM to node, which then stops gracefully (SHUTDOWN_GRACE_SECONDS, default 20).
ENTRYPOINT ["/usr/bin/tini", "--"]
# The same node and flags as `npm start` (SERVICE_NODE_FLAGS in src/ops/service-process.ts; a test compares them).
CMD ["node", "--max-semi-space-size=32", "dist/server.js"]
