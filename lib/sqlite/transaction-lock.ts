// One holder at a time, in arrival order. acquire() resolves to a release function; calling it
// more than once is harmless, so every error path may release without tracking who already did.
import "server-only";
export class TransactionLock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let open!: () => void;
    const turn = new Promise<void>((resolve) => (open = resolve));
    const previous = this.#tail;
    this.#tail = previous.then(() => turn);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      open();
    };
    return previous.then(() => release);
  }
}
