# The application image of the production layout (docker-compose.yml): the API, the Temporal worker, the web app and
# the prebuilt workflow bundle, all run from /app (their paths are relative to the working directory).
#
#   docker build -t leading-group-office:latest .
#
# better-sqlite3 and argon2 compile from source during `npm install`, hence the build tools in the first stage.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production TZ=Asia/Shanghai DATA_DIR=/data
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The named volume mounted at /data takes this owner on first use.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
