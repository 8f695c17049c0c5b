import { S2C, type ErrorMessage, type ResultMessage, type WireError } from "../../shared/protocol/messages";

/** The answer to one request: a `result` (the request was read) or an `error` (it could not be). */
export type Reply = { type: typeof S2C.result; body: ResultMessage } | { type: typeof S2C.error; body: ErrorMessage };

export function resultReply(body: ResultMessage): Reply {
  return { type: S2C.result, body };
}

/** Refuses a message unread, echoing its request id when one can be read so the sender's wait ends. */
export function errorReply(message: unknown, error: WireError, type: string): Reply {
  const id = (message as { id?: unknown } | null)?.id;
  const known = typeof id === "number" && Number.isInteger(id) && id >= 0 && id <= 2_147_483_647;
  return { type: S2C.error, body: known ? { error, type, id } : { error, type } };
}

/** A schema failure as the protocol's `bad_message`, naming the first offending field. */
export function badMessage(error: { issues: { path: PropertyKey[]; code: string }[] }): WireError {
  const issue = error.issues[0];
  return { code: "bad_message", params: { path: issue ? issue.path.map(String).join(".") : "", issue: issue?.code ?? "invalid" } };
}
