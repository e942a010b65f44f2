/** An error that maps to an HTTP status and one of the generic error pages; never carries personal data. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = 'HttpError';
  }
}
