import type { ErrorRequestHandler, RequestHandler, Response } from "express";

/**
 * Every HTTP error the server answers is this one JSON shape, so the client translates `code` with
 * `params` like any other protocol error, and nothing of the server's insides (stack traces, file
 * paths, library names) ever reaches a browser.
 */
export type ApiError = { error: { code: HttpErrorCode; params: Record<string, string | number> } };

export type HttpErrorCode =
  | "bad_json" | "body_too_large" | "unsupported_media_type" | "bad_request" | "not_found" | "internal_error"
  | "too_many_sessions" | "too_many_joins" | "server_stopping" | "nickname_invalid" | "bad_secret" | "session_ended"
  | "session_live" | "round_not_found" | "round_running" | "share_not_found" | "resume_failed" | "bad_options";

export function fail(res: Response, status: number, code: HttpErrorCode, params: Record<string, string | number> = {}): void {
  if (res.headersSent) return void res.end();
  res.status(status).json({ error: { code, params } } satisfies ApiError);
}

/** Unknown paths (and methods a path does not have): 404 in the one shape. */
export const notFound: RequestHandler = (req, res) => fail(res, 404, "not_found", { method: req.method, path: req.path.slice(0, 200) });

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  limit?: number;
  expose?: boolean;
}

/**
 * Express's own error page answers with HTML and, outside production, the stack trace. This one
 * answers JSON with a code the client can name: body-parser's refusals become `bad_json` (400),
 * `body_too_large` (413) or `unsupported_media_type` (415); other client errors `bad_request`;
 * anything thrown by our code `internal_error` (500), logged here with its stack and never sent.
 */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const e = (err ?? {}) as HttpishError;
  const status = e.status ?? e.statusCode ?? 500;
  switch (e.type) {
    case "entity.parse.failed":
      return fail(res, 400, "bad_json");
    case "entity.too.large":
      return fail(res, 413, "body_too_large", e.limit !== undefined ? { max: e.limit } : {});
    case "encoding.unsupported":
    case "charset.unsupported":
      return fail(res, 415, "unsupported_media_type");
  }
  if (status >= 400 && status < 500) return fail(res, status, "bad_request");
  console.error(`${req.method} ${req.path.slice(0, 200)} failed`, err);
  fail(res, 500, "internal_error");
};
