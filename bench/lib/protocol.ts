/** Messages between the bench (parent process) and the server under test (child process, IPC). */

export type ServerSpec =
  | { mode: 'bare'; clockStart: string }
  /**
   * databaseUrl: the PostgreSQL store on that database (several servers may share it); otherwise lowdb in a temp directory.
   * chainProbe: the two bench-only routes of server/chain-probe.ts are added.
   */
  | { mode: 'gateway'; clockStart: string; pupils: number; latencyMs: number; databaseUrl?: string; chainProbe?: boolean }
  /** A baseline sending captured page bytes from memory; each page's bytes are in a file (an env var is too small). */
  | { mode: 'bytes-node'; pages: BytesPage[] }
  | { mode: 'bytes-express'; pages: BytesPage[] };

export interface BytesPage {
  path: string;
  file: string;
}

export type Command =
  | { cmd: 'reset' }
  | { cmd: 'stats' }
  /** Jumps the clock to `at` and runs one scheduler tick (the jobs of whatever happened since). */
  | { cmd: 'tick'; at: string }
  | { cmd: 'stop' };

export interface Ready {
  url: string;
  /** The page to load (bare) or nothing (gateway: found by logging in). */
  path?: string;
  usernames?: string[];
  password?: string;
  bootMs?: number;
  gatewayPageBytes?: number;
}

export interface LagStats {
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export interface ServerStats {
  /** Event-loop delay since the last reset, ms (perf_hooks monitorEventLoopDelay). */
  lag: LagStats;
  rssBytes: number;
  heapUsedBytes: number;
  sis?: { total: number; byMethod: Record<string, number>; distinctKeys: number; maxPerKey: number };
  storeWrites?: Record<string, { count: number; lastBytes: number }>;
  storeFileBytes?: Record<string, number>;
}

export interface TickResult {
  ms: number;
  runs: Array<{ job: string; event: string; outcome: string; error?: string }>;
}

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
