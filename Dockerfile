# The hub (and, with another command, the simulators): one image on Node 24 LTS.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY . .
# GraphiQL is bundled into the image (the hub serves it offline; nothing is fetched at run time),
# and the only directory the hub writes to at run time (.tmp: a file audit sink, a dev key) is the
# unprivileged user's.
RUN node --import tsx scripts/build-graphiql.ts && mkdir -p .tmp && chown -R node:node .tmp
USER node
EXPOSE 4000
CMD ["node", "--import", "tsx", "src/main.ts"]
