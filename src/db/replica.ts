// A PostgreSQL read replica: its own pool, checked every few seconds for how far behind the
// primary it is, behind a pool front that hands out the primary's connections instead while the
// replica is down, not a standby, or too far behind. docs/decisions/045-read-replicas.md.
import { Kysely, PostgresDialect, type PostgresPool } from 'kysely';
import type pg from 'pg';
import type { Database } from './database.js';

/** How often the replica is asked how far behind it is; a visitor who wrote reads the primary for the longest lag allowed plus this. */
export const REPLICA_CHECK_SECONDS = 2;

/** What the last check found: whether reads go to the replica, how far behind it was, and why not when it is not used. */
export type ReplicaState = Readonly<{ inUse: boolean; lagSeconds: number | null; problem: string | null }>;

/** Where the replica's changes of state are told (app.log in the app). */
export type ReplicaLog = { warn: (message: string) => void; info: (message: string) => void };

type Probe = { standby: boolean; streaming: boolean; caught_up: boolean | null; since_replay: number | null };

// One statement, a few catalog functions: cheap enough to run every two seconds. A replica that
// has replayed all it received from a live WAL receiver is current; otherwise it is as far
// behind as its last replayed commit is old (on an idle primary that overstates, never understates).
const PROBE = `select pg_is_in_recovery() as standby,
  exists (select 1 from pg_stat_wal_receiver) as streaming,
  pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() as caught_up,
  extract(epoch from now() - pg_last_xact_replay_timestamp())::float8 as since_replay`;

function messageOf(error: unknown): string {
  return error instanceof Error && error.message !== '' ? error.message : String(error);
}

/** The replica's state in words, for /readyz. */
export function describeReplica(state: ReplicaState): string {
  return state.inUse ? `in use, ${(state.lagSeconds ?? 0).toFixed(1)} s behind` : `not used, reads go to the primary: ${state.problem ?? ''}`;
}

const replicas = new WeakMap<Kysely<Database>, Replica>();

/** The replica whose reads `db` makes, if it is a replica's front (app.readDb), else undefined. */
export function replicaOf(db: Kysely<Database>): Replica | undefined {
  return replicas.get(db);
}

/** A replica's reads with the primary as the fallback; `db` is what app.readDb becomes. */
export class Replica {
  readonly db: Kysely<Database>;
  #state: ReplicaState = { inUse: false, lagSeconds: null, problem: 'not checked yet' };
  #timer: NodeJS.Timeout | undefined;
  #log: ReplicaLog | undefined;
  #closed = false;

  constructor(primary: pg.Pool, private readonly replica: pg.Pool, private readonly maxLagSeconds: number) {
    const front: PostgresPool = {
      connect: async () => {
        if (!this.#state.inUse) return primary.connect();
        try {
          return await replica.connect();
        } catch (error) {
          this.#set({ inUse: false, lagSeconds: null, problem: `cannot connect: ${messageOf(error)}` });
          return primary.connect();
        }
      },
      // The pools are ended by close(), once, whether or not Kysely ever used this front.
      end: () => Promise.resolve(),
    };
    this.db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: front }) });
    replicas.set(this.db, this);
    // A connection the replica drops (it stopped or restarted) stops its use at once, not at the next check.
    replica.on('error', (error) => { this.#set({ inUse: false, lagSeconds: null, problem: `connection lost: ${messageOf(error)}` }); });
  }

  /** What the last check found. */
  get state(): ReplicaState {
    return this.#state;
  }

  /** Checks now and then every REPLICA_CHECK_SECONDS, telling `log` when the replica starts or stops being used. */
  async start(log: ReplicaLog): Promise<void> {
    await this.check();
    const { inUse, problem } = this.#state;
    if (inUse) log.info(`Read replica in use (${this.#describeLag()} behind)`);
    else log.warn(`Read replica not used, reads go to the primary: ${problem ?? ''}`);
    this.#log = log;
    this.#timer ??= setInterval(() => { void this.check(); }, REPLICA_CHECK_SECONDS * 1000);
    this.#timer.unref();
  }

  /** Stops the checks (the app closing); the pool stays open until close(). */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#log = undefined;
  }

  /** Asks the replica how far behind it is and decides whether reads go there; never throws. */
  async check(): Promise<ReplicaState> {
    if (this.#closed) return this.#state;
    let timeout: NodeJS.Timeout | undefined;
    const slow = new Promise<never>((_resolve, reject) => {
      timeout = setTimeout(() => { reject(new Error(`no answer within ${REPLICA_CHECK_SECONDS} s`)); }, REPLICA_CHECK_SECONDS * 1000);
    });
    try {
      const { rows } = await Promise.race([this.replica.query<Probe>(PROBE), slow]);
      this.#set(this.#judge(rows[0]));
    } catch (error) {
      this.#set({ inUse: false, lagSeconds: null, problem: `cannot check: ${messageOf(error)}` });
    } finally {
      clearTimeout(timeout);
    }
    return this.#state;
  }

  #judge(probe: Probe | undefined): ReplicaState {
    if (probe === undefined || !probe.standby) return { inUse: false, lagSeconds: null, problem: 'it is not a standby (pg_is_in_recovery() is false): a promoted replica no longer follows the primary' };
    const lag = probe.streaming && probe.caught_up === true ? 0 : probe.since_replay;
    if (lag === null) return { inUse: false, lagSeconds: null, problem: 'it has replayed nothing from the primary yet' };
    const lagSeconds = Math.max(0, lag);
    if (lagSeconds > this.maxLagSeconds) return { inUse: false, lagSeconds, problem: `it is ${lagSeconds.toFixed(1)} s behind the primary (DATABASE_REPLICA_MAX_LAG is ${this.maxLagSeconds})` };
    return { inUse: true, lagSeconds, problem: null };
  }

  #set(next: ReplicaState): void {
    const wasInUse = this.#state.inUse;
    this.#state = next;
    if (wasInUse && !next.inUse) this.#log?.warn(`Read replica not used, reads go to the primary: ${next.problem ?? ''}`);
    if (!wasInUse && next.inUse) this.#log?.info(`Read replica in use again (${this.#describeLag()} behind)`);
  }

  #describeLag(): string {
    return `${(this.#state.lagSeconds ?? 0).toFixed(1)} s`;
  }

  /** Stops the checks and closes the replica's pool (the primary's belongs to its own handle). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.stop();
    await this.replica.end();
  }
}
