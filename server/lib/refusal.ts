import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Why a request or a change cannot be done, as a value: domain code throws it, the one `onError` turns it
 * into the error shape, and the push loop catches it and answers the mutation `rejected` with its message.
 */
export class Refusal extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
