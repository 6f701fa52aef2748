# sco-factbot: build once, run with production dependencies only, as a non-root user.
# The fact base is baked in at /app/facts; mount a folder there (or set FACTBOT_FACTS) to override it.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY facts ./facts
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production FACTBOT_CACHE_DIR=/tmp/sco-factbot-cache
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/facts ./facts
USER node
CMD ["node", "dist/adapters/cli/main.js", "start"]
