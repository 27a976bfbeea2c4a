// Work in steps: a generator that yields between pieces of its work, so a caller that serves others (the background,
// shared by every tab) can pause it there and let them in. Where it yields changes nothing in what it returns.

/** Work that yields between its pieces and returns `T` at the end. */
export type Steps<T> = Generator<void, T>;

/** Runs steps to their end at once, for callers that have no one to let in between (the CLI, tests, training). */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
