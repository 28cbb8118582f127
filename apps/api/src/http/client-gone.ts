// A client that disconnects before its answer is sent (a page closed, a fetch aborted) will never
// read it: the request's signal fires so long reads stop instead of keeping the server busy.
import type { ServerResponse } from 'node:http';

/** The abort reason of a request whose client has gone: logged as such, never as a server error. */
export class ClientGoneError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('The client disconnected before the answer was sent');
  }
}

export function isClientGone(error: unknown): error is ClientGoneError {
  return error instanceof ClientGoneError;
}

/**
 * Fires when the connection closes before the response ended. Not `req`'s close: since Node 16 it
 * fires as soon as the body has been read. `res` also closes after a normal answer, once ended.
 */
export function clientGoneSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableEnded) controller.abort(new ClientGoneError());
  });
  return controller.signal;
}
