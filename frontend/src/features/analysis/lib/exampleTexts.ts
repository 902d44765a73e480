/**
 * The texts of the examples (./examples), by id. Their mistakes are ones worth learning from, but what they show
 * about secrets is the right way (a build secret, the environment at run time, a compose secret): people copy
 * examples, and a pasted example that holds a password teaches the wrong habit.
 */
export const EXAMPLE_TEXTS: Readonly<Record<string, string>> = {
  'python-app': `FROM python:latest

MAINTAINER someone@example.com

RUN apt-get update
RUN apt-get install -y curl build-essential
ADD https://example.com/app.tar.gz /opt/
RUN cd /opt && tar xzf app.tar.gz

WORKDIR app
COPY . .
# The private package index's token is a build secret: it is mounted for this RUN only, never stored in a layer.
# Build with: docker build --secret id=pip_token,env=PIP_TOKEN .
RUN --mount=type=secret,id=pip_token \\
    PIP_INDEX_URL="https://__token__:$(cat /run/secrets/pip_token)@pypi.example.com/simple" \\
    pip install -r requirements.txt

# API_TOKEN is read from the environment when the container runs (docker run -e API_TOKEN ...), not baked in.
EXPOSE 8000
CMD python app.py
`,
  'node-multistage': `# syntax=docker/dockerfile:1
FROM node:22.11-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:22.11-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /src/dist ./dist
COPY --from=build /src/node_modules ./node_modules
USER node
EXPOSE 3000
HEALTHCHECK CMD ["node", "dist/healthcheck.js"]
CMD ["node", "dist/server.js"]
`,
  'compose-stack': `services:
  web:
    image: nginx:latest
    ports:
      - "80:80"
    privileged: true
    depends_on:
      - db
  db:
    image: postgres
    environment:
      # The password is a secret file, filled from the DB_PASSWORD environment variable of whoever runs compose.
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
    secrets:
      - db_password
    ports:
      - "5432:5432"
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock

secrets:
  db_password:
    environment: DB_PASSWORD
`,
}
