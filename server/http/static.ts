import { sep } from "node:path";
import compression from "compression";
import { Router, type RequestHandler } from "express";
import expressStaticGzip from "express-static-gzip";

/** Client routes a link can open directly (/join/CODE, /replay/ID, …): each is the app's index.html. */
const DEEP_LINK = /^\/(join|replay|host|projector|practice|play|sessions)(\/.*)?$/;
/** Vite names every file under assets/ by its content's hash: a new build is a new name. */
const HASHED = `${sep}assets${sep}`;

/**
 * The built client, as a school's Wi-Fi should carry it to thirty phones at once: each text file
 * sent as the .br or .gz the build made beside it (brotli first; nothing is compressed per request),
 * hashed assets cached for good (`immutable`), the page itself revalidated on every load so a new
 * deploy is picked up at once and never points at assets that are gone.
 */
export function staticRoutes(dir: string): Router {
  const r = Router();
  const files = expressStaticGzip(dir, {
    enableBrotli: true,
    orderPreference: ["br", "gzip"],
    index: "index.html",
    serveStatic: {
      index: "index.html",
      setHeaders: (res, path) => {
        res.setHeader("cache-control", path.includes(HASHED) ? "public, max-age=31536000, immutable" : "no-cache");
      },
    },
  }) as unknown as RequestHandler;
  r.use(files);
  r.get(DEEP_LINK, (req, res, next) => {
    req.url = "/index.html";
    files(req, res, next);
  });
  return r;
}

/**
 * The API's JSON (a round's match log runs to megabytes): compressed per response, as it is made
 * per request anyway; small answers (below 1 kB) go as they are.
 */
export function compressApi(): RequestHandler {
  return compression();
}
