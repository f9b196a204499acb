import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorBody } from '../http/errors.ts';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/**
 * Serves the built web app. Any GET that is not an API call or a file gets index.html, so that
 * links into the app (/people/p1) work when opened directly.
 */
export async function serveWebApp(app: FastifyInstance, webRoot: string) {
  const built = existsSync(`${webRoot}/index.html`);
  if (built) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/api/') || request.url.startsWith('/fhir/')) {
      return reply.status(404).send(errorBody('not-found', `There is no ${request.method} ${request.url.split('?')[0]} here.`));
    }
    if (!built) {
      return reply.status(503).type('text/plain').send('The web app has not been built: run "npm run build:web" (npm start does this).');
    }
    return reply.sendFile('index.html');
  });
}
