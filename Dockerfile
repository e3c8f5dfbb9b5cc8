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
CMD ["node", "dist/src/server/main.js"]
