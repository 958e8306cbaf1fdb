// Tells the streams of a live coverage (lib/live/stream.ts) that a change was committed: the live
// commands publish (articleId, seq) after commit, each open stream listens for its story and then
// reads the change log itself (changesSince), so a lost or duplicated notice costs nothing but a
// read. Behind this small interface so a later bus can carry notices between server processes
// (the scale-out issue); for now one process's streams hear that process's writes. Kept on
// globalThis: Next.js may load this module in more than one bundle of the same server process.
export type LiveListener = (seq: number) => void;

export interface LiveBus {
  publish(articleId: string, seq: number): void;
  // Returns the function that stops listening.
  subscribe(articleId: string, listener: LiveListener): () => void;
}

export class InProcessLiveBus implements LiveBus {
  private readonly listeners = new Map<string, Set<LiveListener>>();

  publish(articleId: string, seq: number): void {
    for (const listener of [...(this.listeners.get(articleId) ?? [])]) {
      try {
        listener(seq);
      } catch (error) {
        // One broken stream must not keep the notice from the others, nor fail the write.
        console.error("[live] a stream's listener failed", error);
      }
    }
  }

  subscribe(articleId: string, listener: LiveListener): () => void {
    const set = this.listeners.get(articleId) ?? new Set<LiveListener>();
    this.listeners.set(articleId, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(articleId) === set) this.listeners.delete(articleId);
    };
  }

  listenerCount(articleId: string): number {
    return this.listeners.get(articleId)?.size ?? 0;
  }
}

declare global {
  var pressboxLiveBus: InProcessLiveBus | undefined;
}

export const liveBus: InProcessLiveBus = (globalThis.pressboxLiveBus ??= new InProcessLiveBus());
