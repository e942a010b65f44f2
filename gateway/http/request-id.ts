/**
 * An id per request: in every log line, on every error page, in the X-Request-Id header.
 *
 * A parent reads it to the school over the phone, so it is short and cannot be misheard or
 * misread: two groups of five from the letters and digits that look like no other (no 0/O, 1/I/L,
 * U/V), e.g. "K7QX2-MPT4A". 29^10 ≈ 4·10^14 ids: with the time the parent gives, staff find the
 * one request in the logs (`reqId`), and two requests of the same minute do not share one.
 */
import { randomInt } from 'node:crypto';
import type { RequestHandler } from 'express';
import { INITIAL_SECRET_ALPHABET } from '../auth/secrets.ts';

const GROUPS = 2;
const GROUP_LENGTH = 5;

export function newRequestId(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += INITIAL_SECRET_ALPHABET[randomInt(INITIAL_SECRET_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** The shape of a request id, for a staff search that takes one. */
export const REQUEST_ID_PATTERN = /^[2-9A-HJKMNP-TW-Z]{5}-[2-9A-HJKMNP-TW-Z]{5}$/;

export function requestId(): RequestHandler {
  return (req, res, next) => {
    const id = newRequestId();
    (req as { id?: string }).id = id;
    res.locals.requestId = id;
    res.set('X-Request-Id', id);
    next();
  };
}
