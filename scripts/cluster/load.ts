// A bounded load generator on loopback: a fixed number of visitors, each with one connection, each
// sending its next request as soon as the last is answered, for a fixed time. What each request
// was and how it ended is kept, so a test can check every answer and a benchmark can sum them.
import type { Answer, Visitor } from './visitor.js';

/** One request a visitor makes: a class for the report, and whether its answer is the expected one. */
export type Step = { kind: string; method: 'GET' | 'POST'; send: () => Promise<Answer>; ok: (answer: Answer) => boolean; note?: string };

/** One request as it ended: `at` is when it was sent, in ms since the load began. */
export type Outcome = { visitor: number; kind: string; method: 'GET' | 'POST'; at: number; ms: number; status: number; ok: boolean; error?: string; note?: string; body?: string };

export type LoadPlan = {
  visitors: readonly Visitor[];
  /** The longest the load runs. */
  durationMs: number;
  /** Ends the load sooner, once the outcomes so far are enough. */
  enough?: (outcomes: readonly Outcome[]) => boolean;
  /** The visitor's next request (`n` counts its requests from 0), or null when it has nothing more to do. */
  next: (visitor: number, n: number) => Step | null;
  /** Run once, as soon as `when` holds for the outcomes so far (the test's kill -9). */
  event?: { when: (outcomes: readonly Outcome[]) => boolean; run: (atMs: number) => void };
};

export type LoadResult = { outcomes: Outcome[]; elapsedMs: number; eventAt: number | null };

/** Runs the plan to its end and returns every request's outcome; a failed answer keeps the start of its body. */
export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const outcomes: Outcome[] = [];
  const start = performance.now();
  let eventAt: number | null = null;
  let ended = false;
  const drive = async (visitor: number) => {
    for (let n = 0; !ended && performance.now() - start < plan.durationMs; n += 1) {
      const step = plan.next(visitor, n);
      if (step === null) return;
      const at = performance.now() - start;
      const answer = await step.send();
      const ok = answer.error === undefined && step.ok(answer);
      outcomes.push({
        visitor, kind: step.kind, method: step.method, at, ms: answer.ms, status: answer.status, ok,
        ...(answer.error === undefined ? {} : { error: answer.error }), ...(step.note === undefined ? {} : { note: step.note }),
        ...(ok ? {} : { body: answer.body.slice(0, 300) }),
      });
      if (eventAt === null && plan.event?.when(outcomes) === true) {
        eventAt = performance.now() - start;
        plan.event.run(eventAt);
      }
      if (plan.enough?.(outcomes) === true) ended = true;
    }
  };
  await Promise.all(plan.visitors.map((_, i) => drive(i)));
  return { outcomes, elapsedMs: performance.now() - start, eventAt };
}
