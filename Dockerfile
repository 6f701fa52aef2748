# sco-factbot: built once, run with production dependencies only, as a non-root user.
# The fact base is baked in at /app/facts; mount a folder there to use your own (the bot
# reloads it when it changes). CI runs these same steps without Docker: scripts/dockerfile-check.mjs.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY facts ./facts
RUN npm ci --no-audit --no-fund --ignore-scripts && npx tsc -p tsconfig.build.json && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production FACTBOT_CACHE_DIR=/tmp/sco-factbot-cache PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/facts ./facts
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/adapters/cli/main.js", "start"]
