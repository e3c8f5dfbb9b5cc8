# The hub (and, with a different command, the simulators): one image, Node 24 LTS.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY . .
USER node
EXPOSE 4000
CMD ["node", "--import", "tsx", "src/main.ts"]
