const ignore = () => undefined;

/**
 * Identical reads in flight at once share one upstream request. 32 drawers opening on
 * one customer at the same moment are one read of Stigg per operation, not 32; this sits
 * in front of whichever cache holds the answers (in-process or Redis), because a cache is
 * only filled once the first read has finished.
 */
export class InFlight {
  /** The read running for a key, the latest started. */
  private readonly running = new Map<string, Promise<unknown>>();
  /** A read that will start once the running one settles (see `startedAfterNow`). */
  private readonly queued = new Map<string, Promise<unknown>>();

  /** Shares the read running for `key`, or starts one. */
  join<T>(key: string, read: () => Promise<T>): Promise<T> {
    return (this.running.get(key) as Promise<T> | undefined) ?? this.start(key, read);
  }

  /**
   * A read that starts after this call, for a refresh: an answer begun before the user
   * asked may predate what they want to see. When one is already running, callers wait
   * for it to end and then share one read queued behind it, so a burst of refreshes is at
   * most two upstream reads.
   */
  startedAfterNow<T>(key: string, read: () => Promise<T>): Promise<T> {
    const queued = this.queued.get(key) as Promise<T> | undefined;
    if (queued) return queued;
    const running = this.running.get(key);
    if (!running) return this.start(key, read);
    const next = running.then(ignore, ignore).then(() => {
      this.queued.delete(key);
      return this.start(key, read);
    });
    this.queued.set(key, next);
    return next;
  }

  private start<T>(key: string, read: () => Promise<T>): Promise<T> {
    const promise = Promise.resolve().then(read);
    this.running.set(key, promise);
    const forget = () => {
      if (this.running.get(key) === promise) this.running.delete(key);
    };
    promise.then(forget, forget);
    return promise;
  }
}
