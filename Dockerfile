# skewbot, the GitHub App: build with dev dependencies, run with production dependencies only.
#   docker build -t skewbot .
#   docker run --rm -p 3000:3000 --env-file skewbot.env skewbot
# See "Deploying skewbot" in README.md for the environment.

# Node 26 is the active LTS line (since 2026-10-28; 24 is in maintenance until 2028-04). Keep both stages
# on the same major; `--build-arg NODE_IMAGE=node:24-slim` builds on the previous line.
ARG NODE_IMAGE=node:26-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependencies first, so that the layer is reused while only sources change. --ignore-scripts: the
# `prepare` script builds, and the sources are not here yet.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
RUN npm run build

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json \
    SKEWBOT_DATA_DIR=/data
WORKDIR /app
# Production dependencies only. --ignore-scripts: `prepare` would run the TypeScript build, and the
# compiled output comes from the build stage instead.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/lib ./lib
# The history store (SQLite) lives in the data directory, the one place the app writes; mount a volume
# there to keep it across containers, or set DATABASE_URL to use PostgreSQL instead. SQLite runs on
# Node's built-in node:sqlite here (Node 22.13+), so better-sqlite3, an optional dependency for older
# Node, is neither compiled nor loaded: --ignore-scripts above is enough, and no toolchain is needed.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
# Files stay owned by root and read-only to the app; it runs as the image's unprivileged user.
USER node
EXPOSE 3000
# slim images have no curl: Node's own fetch asks Probot's /ping.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/ping').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself is PID 1 (not npm, not a shell), so SIGTERM reaches the drain in lib/main.js.
STOPSIGNAL SIGTERM
CMD ["node", "lib/main.js"]
