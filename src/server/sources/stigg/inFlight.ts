const ignore = () => undefined;

/**
 * Identical reads in flight at once share one upstream request. 32 drawers opening on
 * one customer at the same moment are one read of Stigg per operation, not 32; this sits
 * in front of whichever cache holds the answers (in-process or Redis), because a cache is
 * only filled once the first read has finished.
 */
export class InFlight {
  /** The read under way for a key, the latest started. */
  private readonly running = new Map<string, Promise<unknown>>();
  /** A read that has not begun yet (see `startedAfterNow`); anyone may still join it. */
  private readonly queued = new Map<string, Promise<unknown>>();

  /** Shares the read under way (or about to begin) for `key`, or starts one. */
  join<T>(key: string, read: () => Promise<T>): Promise<T> {
    return ((this.running.get(key) ?? this.queued.get(key)) as Promise<T> | undefined) ?? this.start(key, read);
  }

  /**
   * A read that begins after this call, for a refresh: an answer begun before the user
   * asked may predate what they want to see. Callers share a read that has not begun; it
   * begins on the next turn, or when the read under way ends, so a burst of refreshes is
   * one upstream read, two when one was already running.
   */
  startedAfterNow<T>(key: string, read: () => Promise<T>): Promise<T> {
    const queued = this.queued.get(key) as Promise<T> | undefined;
    if (queued) return queued;
    const next = (this.running.get(key) ?? Promise.resolve())
      .then(ignore, ignore)
      .then(() => {
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
