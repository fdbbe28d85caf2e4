// The kudos flood: givers started on a schedule (every tick, as many as are due at the target
// rate), at most `inFlight` waiting at once. A giver that cannot start on time starts late and
// the lag is recorded; one not started by the end of the window is never sent, so the rate
// printed is the rate reached, not the rate asked for.
import { guestAddress, type GiverResult, type KudosClient } from './kudos-client.js';
import { giversNeeded, isMember, type KudosOptions } from './kudos-options.js';

const TICK_MS = 10;

export type FloodResult = {
  /** What each giver saw, in the order they started. */
  results: GiverResult[];
  /** How late each giver started against its place in the schedule (giver k's is k / rate seconds in), in milliseconds. */
  lagMs: number[];
  /** Givers the schedule had for the window that never started. */
  unsent: number;
  /** Seconds from the first giver to the end of the window, and to the last answer. */
  windowSeconds: number; drainedSeconds: number;
};

/**
 * Runs the flood for `options.seconds` against the work, with a client whose sockets are already
 * open, and waits for every answer; the client is closed afterwards.
 */
export function runFlood(options: KudosOptions, client: KudosClient, workId: number, tokens: string[]): Promise<FloodResult> {
  const total = giversNeeded(options);
  const windowMs = options.seconds * 1000;
  const results: GiverResult[] = [];
  const lagMs: number[] = [];
  let started = 0;
  let members = 0;
  let inFlight = 0;
  let closed = false;
  const begin = performance.now();
  return new Promise((resolve) => {
    const finish = () => {
      client.close();
      resolve({ results, lagMs, unsent: total - started, windowSeconds: options.seconds, drainedSeconds: (performance.now() - begin) / 1000 });
    };
    const launch = (k: number, due: number) => {
      const member = isMember(options, k);
      const giving = member ? client.member(workId, tokens[members++] ?? '') : client.guest(workId, guestAddress(k - members));
      lagMs[k] = performance.now() - due;
      inFlight++;
      void giving.then((result) => {
        results[k] = result;
        inFlight--;
        pump();
      });
    };
    // Called on every tick and every answer, so a freed slot is used at once when behind.
    function pump() {
      const elapsed = performance.now() - begin;
      const due = Math.min(total, Math.floor((Math.min(elapsed, windowMs) * options.rate) / 1000));
      while (!closed && started < due && inFlight < options.inFlight) {
        launch(started, begin + (started * 1000) / options.rate);
        started++;
      }
      // The window closes on the first tick or answer past its end; whoever was not started by then never is.
      if (!closed && elapsed >= windowMs) {
        closed = true;
        clearInterval(timer);
      }
      if (closed && inFlight === 0) finish();
    }
    const timer = setInterval(pump, TICK_MS);
    pump();
  });
}
