/** Small helpers over plain config trees: merge overlays, walk leaves, freeze the result. */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Overlay wins; mappings merge key by key, lists and scalars replace whole. */
export function deepMerge(base: unknown, overlay: unknown): unknown {
  if (overlay === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(overlay)) return overlay;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) out[key] = deepMerge(base[key], value);
  return out;
}

export function getPath(tree: unknown, path: readonly string[]): unknown {
  let node = tree;
  for (const key of path) {
    if (!isPlainObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Sets a value, creating mappings on the way (replacing non-mappings, which validation then judges). */
export function setPath(tree: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = tree;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isPlainObject(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1] as string] = value;
}

/** Rebuilds a tree, replacing each leaf by what `fn` returns; `path` is the leaf's key path. */
export function mapLeaves(tree: unknown, fn: (leaf: unknown, path: PropertyKey[]) => unknown, path: PropertyKey[] = []): unknown {
  if (Array.isArray(tree)) return tree.map((item, i) => mapLeaves(item, fn, [...path, i]));
  if (isPlainObject(tree)) {
    return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, mapLeaves(v, fn, [...path, k])]));
  }
  return fn(tree, path);
}

export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends ReadonlyArray<infer U>
    ? ReadonlyArray<DeepReadonly<U>>
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

export function deepFreeze<T>(value: T, seen = new WeakSet<object>()): DeepReadonly<T> {
  if (typeof value === 'object' && value !== null && !seen.has(value)) {
    seen.add(value);
    for (const child of Object.values(value)) deepFreeze(child, seen);
    Object.freeze(value);
  }
  return value as DeepReadonly<T>;
}
