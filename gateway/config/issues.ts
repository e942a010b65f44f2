/**
 * Turns validation issues into "key.path[0].sub: what is wrong" lines.
 * Values are never echoed: a misplaced secret must not end up in a boot log.
 */

export type KeyPath = ReadonlyArray<PropertyKey>;

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;

/** ['sis', 'stack', 0, 'config'] → "sis.stack[0].config". */
export function formatPath(path: KeyPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** The parts of a zod 4 issue we read; typed loosely so an adapter's own zod copy fits too. */
export interface IssueLike {
  code?: string;
  path?: ReadonlyArray<PropertyKey>;
  message: string;
  expected?: unknown;
  input?: unknown;
  keys?: readonly string[];
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

/** One or more problem lines for an issue, with `prefix` put in front of its own path. */
export function formatIssue(issue: IssueLike, prefix: KeyPath = []): string[] {
  const path = [...prefix, ...(issue.path ?? [])];
  const at = (p: KeyPath) => formatPath(p) || '(top level)';

  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return issue.keys.map((key) => `${at([...path, key])}: unknown key`);
  }
  const message = issue.message.replace(/^Invalid (input|option): /, '');
  // `input` is there only when the parse was asked to report it (reportInput).
  if ('input' in issue && issue.input === undefined) {
    return [`${at(path)}: missing (${issue.code === 'invalid_type' ? `expected ${String(issue.expected)}` : message})`];
  }
  if (issue.code === 'invalid_type' && 'input' in issue) {
    return [`${at(path)}: expected ${String(issue.expected)}, received ${typeOf(issue.input)}`];
  }
  return [`${at(path)}: ${message}`];
}

export function formatIssues(issues: readonly IssueLike[], prefix: KeyPath = []): string[] {
  return issues.flatMap((issue) => formatIssue(issue, prefix));
}
