import type { FastifyHelmetOptions } from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Paths the portal never answers: the API and the probes keep their own JSON 404. */
const NOT_PORTAL = /^\/(api|health|ready)(\/|$)/;
/** Files whose name stays the same from one build to the next: the browser must ask again each time. */
const NO_CACHE = new Set(['/index.html', '/sw.js', '/manifest.webmanifest', '/asset-list.json']);
const YEAR_MS = 365 * 24 * 3600 * 1000;

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** The file path a request names inside `root`, or null when it is not a plain path inside it. */
function pathIn(root: string, url: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.split('?')[0]);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) return null;
  const file = resolve(root, `.${pathname}`);
  return file === root || file.startsWith(root + sep) ? pathname : null;
}

function send(reply: FastifyReply, pathname: string): FastifyReply {
  if (pathname.startsWith('/assets/')) return reply.sendFile(pathname, { maxAge: YEAR_MS, immutable: true });
  if (NO_CACHE.has(pathname)) return reply.header('cache-control', 'no-cache').sendFile(pathname, { cacheControl: false });
  return reply.sendFile(pathname);
}

/**
 * Serves the built portal at `/`: a file of the build when the path names one, else index.html, so
 * a deep link (`/offers/<id>`) opens the app, which routes in the browser. `helmet` is the route's
 * own security header configuration (its CSP). Returns false, serving nothing, when `root` holds
 * no index.html (the portal was not built).
 */
export async function servePortal(fastify: FastifyInstance, root: string, helmet: Omit<FastifyHelmetOptions, 'global'>): Promise<boolean> {
  if (!isFile(join(root, 'index.html'))) return false;
  // In a scope of its own, so `reply.sendFile` does not clash with the static plugin Swagger UI registers.
  await fastify.register(async (scope) => {
    // preCompressed: the build writes .br and .gz beside each text file (apps/portal/compress.mjs).
    await scope.register(fastifyStatic, { root, serve: false, dotfiles: 'ignore', index: false, preCompressed: true });
    scope.route({
      method: ['GET', 'HEAD'],
      url: '/*',
      helmet,
      handler: (request: FastifyRequest, reply: FastifyReply) => {
        if (NOT_PORTAL.test(request.url)) return reply.callNotFound();
        const pathname = pathIn(root, request.url);
        if (pathname === null) return reply.callNotFound();
        return send(reply, pathname !== '/' && isFile(join(root, pathname)) ? pathname : '/index.html');
      },
    });
  });
  return true;
}
