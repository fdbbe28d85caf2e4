// The event bus: subscribers that run inside the writing transaction (their writes commit or roll
// back with it) and subscribers told after it committed (caches in this process). One bus per
// process; src/wiring.ts subscribes the domains.
import type { Kysely, Transaction } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { MUST_BE_HANDLED, type DomainEvent, type EventOf, type EventType } from './events.js';

type WriteHandler = (trx: Db, event: DomainEvent) => Promise<void>;
type CommitHandler = (event: DomainEvent) => void;

const duringWrite = new Map<EventType, Set<WriteHandler>>();
const afterWrite = new Map<EventType, Set<CommitHandler>>();
/** The events emitted so far inside each open transaction, told after it commits. */
const open = new WeakMap<Db, DomainEvent[]>();

function add<H>(map: Map<EventType, Set<H>>, type: EventType, handler: H): () => void {
  const set = map.get(type) ?? new Set<H>();
  map.set(type, set);
  set.add(handler);
  return () => set.delete(handler);
}

/** Runs `handler` inside the transaction of every write that emits `type`; returns the unsubscribe. */
export function onWrite<T extends EventType>(type: T, handler: (trx: Db, event: EventOf<T>) => Promise<void>): () => void {
  return add(duringWrite, type, handler as WriteHandler);
}

/** Calls `handler` once a write that emitted `type` has committed (in this process); returns the unsubscribe. */
export function afterCommit<T extends EventType>(type: T, handler: (event: EventOf<T>) => void): () => void {
  return add(afterWrite, type, handler as CommitHandler);
}

/** Where a failing after-commit subscriber is reported (the app's log; stderr until one is set). */
let report: (error: unknown, event: DomainEvent) => void = (error, event) => { console.error(`after-commit handler of ${event.type} failed`, error); };

/** Sets where failures of after-commit subscribers are reported. */
export function reportEventFailuresTo(reporter: (error: unknown, event: DomainEvent) => void): void {
  report = reporter;
}

/** Tells the after-commit subscribers; the write is saved, so one failing is reported and the rest still run. */
function tell(event: DomainEvent): void {
  for (const handler of afterWrite.get(event.type) ?? []) {
    try {
      handler(event);
    } catch (error) {
      report(error, event);
    }
  }
}

/** Announces a write from inside its transaction, which must be one opened by inTransaction. */
export async function emit(trx: Db, event: DomainEvent): Promise<void> {
  const pending = open.get(trx);
  if (pending === undefined) throw new Error(`"${event.type}" was emitted outside a transaction opened by inTransaction().`);
  const handlers = duringWrite.get(event.type) ?? new Set();
  if (handlers.size === 0 && MUST_BE_HANDLED.includes(event.type)) {
    throw new Error(`Nothing handles "${event.type}": call wireDomains() (src/wiring.ts) before writing.`);
  }
  for (const handler of handlers) await handler(trx, event);
  pending.push(event);
}

/** Runs a write in one transaction; after it commits, the events it emitted are told to this process. */
export async function inTransaction<T>(db: Kysely<Database>, write: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const emitted: DomainEvent[] = [];
  const result = await db.transaction().execute(async (trx) => {
    open.set(trx, emitted);
    try {
      return await write(trx);
    } finally {
      open.delete(trx);
    }
  });
  for (const event of emitted) tell(event);
  return result;
}
