# syntax=docker/dockerfile:1
# Multi-stage: build TypeScript with dev dependencies, ship only production ones.

FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY db ./db
# The embedded database's template (a first start restores it instead of running initdb).
RUN npm run build && npm run db:template && npm prune --omit=dev

FROM node:20.20.2-bookworm-slim
# The heap, bounded: V8 otherwise lets garbage from a burst of Slack requests grow the process
# to ~250 MB; with these two the benchmark's bursts peak at ~130 MB with the same CPU per request
# (docs/benchmarks.md). Override NODE_OPTIONS at `docker run` for a larger workspace.
ENV NODE_ENV=production \
    PORT=3000 \
    PGLITE_DIR=/data/pglite \
    NODE_OPTIONS="--max-semi-space-size=4 --max-old-space-size=256"
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json manifest.yml ./
COPY db ./db
# The embedded database (used when DATABASE_URL is unset) lives on a volume owned by `node`.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM from `docker stop` reaches node directly (exec form): graceful shutdown, exit 0.
CMD ["node", "--experimental-vm-modules", "--no-warnings=ExperimentalWarning", "dist/main.js"]
