# Multi-stage build: compile TypeScript with dev dependencies, ship only the production ones.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# Charts need resvg's native binary (linux-x64-gnu: bookworm is glibc) and the bundled DejaVu font, both
# npm runtime dependencies: render one with Cyrillic text now, so an image that cannot fails to build.
RUN node dist/chart-selftest.js
USER node
# The public port; /metrics is on METRICS_PORT (9091), bound to 127.0.0.1 unless METRICS_HOST says otherwise.
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["npm", "start"]
