/**
 * Applies MongoDB update operators ($set, $unset, $inc, $max, $min, $push, $pull) to a parsed
 * document, in place. The embedded store runs it inside the write transaction, between
 * reading the matched row and writing it back, so filter and update are one atomic step.
 */
import type { Update } from '../collection.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object holding the last segment of `path`, created on the way when `create`. */
function parentOf(doc: Obj, path: string, create: boolean): [Obj | null, string] {
  const parts = path.split('.');
  const last = parts.pop()!;
  let node: Obj = doc;
  for (const part of parts) {
    const next = node[part];
    if (isObj(next)) node = next;
    else if (next === undefined && create) node = node[part] = {};
    else if (next === undefined) return [null, last];
    else throw new Error(`cannot update ${path}: ${part} is not an object`);
  }
  return [node, last];
}

/** BSON order for the values documents hold here: null < numbers < strings. */
function rank(v: unknown): number {
  return v === null || v === undefined ? 0 : typeof v === 'number' ? 1 : 2;
}
function compare(a: unknown, b: unknown): number {
  const r = rank(a) - rank(b);
  if (r !== 0 || rank(a) === 0) return r;
  return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
}

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

function pulls(element: unknown, condition: unknown): boolean {
  if (isObj(condition) && Object.keys(condition).every((k) => k.startsWith('$'))) {
    for (const [op, operand] of Object.entries(condition)) {
      if (op === '$in' && Array.isArray(operand)) {
        if (!operand.some((v) => same(v, element))) return false;
      } else if (op === '$eq') {
        if (!same(operand, element)) return false;
      } else throw new Error(`unsupported $pull condition ${op}`);
    }
    return true;
  }
  return same(element, condition);
}

export function applyUpdate(doc: Obj, update: Update): void {
  for (const [op, fields] of Object.entries(update) as [string, Obj | undefined][]) {
    for (const [path, value] of Object.entries(fields ?? {})) {
      if (path === '_id' || path.startsWith('_id.')) throw new Error('_id cannot be updated');
      const [parent, key] = parentOf(doc, path, op !== '$unset' && op !== '$pull');
      if (!parent) continue;
      const current = parent[key];
      switch (op) {
        case '$set':
          parent[key] = value;
          break;
        case '$unset':
          delete parent[key];
          break;
        case '$inc':
          if (current !== undefined && current !== null && typeof current !== 'number') {
            throw new Error(`cannot $inc non-number ${path}`);
          }
          parent[key] = ((current as number | undefined) ?? 0) + (value as number);
          break;
        case '$max':
          if (current === undefined || compare(value, current) > 0) parent[key] = value;
          break;
        case '$min':
          if (current === undefined || compare(value, current) < 0) parent[key] = value;
          break;
        case '$push': {
          const items = isObj(value) && Array.isArray(value.$each) ? value.$each : [value];
          if (current === undefined || current === null) parent[key] = [...items];
          else if (Array.isArray(current)) current.push(...items);
          else throw new Error(`cannot $push to non-array ${path}`);
          break;
        }
        case '$pull':
          if (Array.isArray(current)) parent[key] = current.filter((e) => !pulls(e, value));
          break;
        default:
          throw new Error(`unsupported update operator ${op}`);
      }
    }
  }
}
