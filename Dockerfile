# The hub (and, with another command, the simulators): one image on Node 24 LTS, compiled to JavaScript.

# Build stage: every dependency (the TypeScript compiler, esbuild, GraphiQL); `npm run build` writes
# dist/: the compiled hub and simulators, the schema files and the offline GraphiQL bundle (the hub
# serves it itself; nothing is fetched or built at run time).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Runtime stage: production dependencies and dist/ only, run by plain node (no tsx, no esbuild). The
# only directory the hub writes to at run time (.tmp: a file audit sink) is the unprivileged user's.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
RUN mkdir -p .tmp && chown -R node:node .tmp
USER node
EXPOSE 4000
# --heap-growing-percent=100: a full collection once the old generation has grown to twice what the
# last one left, not up to 4 times as V8 allows on any host with 8 GB or more; --max-semi-space-size=16:
# the young generation at Node 20's size, which Node 24 would otherwise scale with the host's memory.
# Resident memory follows what the hub keeps, not the host's size (the reasoning and the measurements:
# HUB_NODE_FLAGS in bench/processes.ts, which the benches start the hub with; package.json start:prod
# has the same).
# --liftoff-only: the embedded register's WebAssembly compiled by V8's baseline compiler alone
# (src/platform/register/sql.ts); on Node 24 it takes effect only from the command line.
CMD ["node", "--heap-growing-percent=100", "--max-semi-space-size=16", "--liftoff-only", "dist/src/server/main.js"]
