/**
 * Blocks and records every socket an adapter tries to open while a callback runs.
 *
 * The deps recorder only sees the injected HTTP client; an adapter could also open its own
 * connection (a SOAP library, a database driver, fetch). Every Node TCP/TLS client ends in
 * net.Socket.prototype.connect, so a temporary patch there sees them all. The blocked socket is
 * destroyed on the next tick with an error, the way a refused connection would fail, so client
 * libraries unwind through their normal error paths.
 */
import net from 'node:net';

const originalConnect = net.Socket.prototype.connect;
const active: string[][] = [];

function describeTarget(args: unknown[]): string {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const o = first as { host?: unknown; port?: unknown; path?: unknown };
    if (typeof o.path === 'string') return o.path;
    return `${typeof o.host === 'string' ? o.host : 'localhost'}:${String(o.port)}`;
  }
  if (typeof first === 'number' || typeof first === 'string') {
    return typeof args[1] === 'string' ? `${args[1]}:${String(first)}` : String(first);
  }
  return 'an unknown address';
}

function blockedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
  const target = describeTarget(args);
  for (const attempts of active) attempts.push(target);
  const error = Object.assign(new Error(`connect to ${target} blocked by the conformance suite`), { code: 'ECONNREFUSED' });
  process.nextTick(() => this.destroy(error));
  return this;
}

/**
 * Blocks sockets while a synchronous callback runs. Only for probing: work the callback leaves
 * running is not covered, so rules use withSocketsBlocked.
 */
export function blockSocketsDuring<T>(fn: () => T): T {
  const attempts: string[] = [];
  active.push(attempts);
  net.Socket.prototype.connect = blockedConnect as typeof originalConnect;
  try {
    return fn();
  } finally {
    active.splice(active.indexOf(attempts), 1);
    if (active.length === 0) net.Socket.prototype.connect = originalConnect;
  }
}

/** Gives work the callback started without awaiting (a constructor firing `this.connect()`) time to reach a socket. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}

/**
 * Runs `fn` with outgoing sockets blocked, then waits briefly for work it left running.
 * Returns what `fn` returned (or threw) and the addresses it tried to reach.
 */
export async function withSocketsBlocked<T>(fn: () => T | Promise<T>): Promise<{ attempts: string[]; result?: T; error?: unknown }> {
  const attempts: string[] = [];
  active.push(attempts);
  net.Socket.prototype.connect = blockedConnect as typeof originalConnect;
  try {
    const result = await fn();
    await settle();
    return { attempts, result };
  } catch (error) {
    await settle();
    return { attempts, error };
  } finally {
    active.splice(active.indexOf(attempts), 1);
    if (active.length === 0) net.Socket.prototype.connect = originalConnect;
  }
}
