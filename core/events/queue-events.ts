/**
 * The core's change notifications: a host that shows the queue live (the clinic server's
 * Server-Sent Events) listens here instead of polling. Fired after the change has committed:
 * after an intake is stored and after an acknowledgement. A notification carries no data
 * (no id, no name): a listener reloads the queue through the channel like any caller, so
 * nothing it would not be allowed to read reaches it this way.
 */

export type QueueListener = () => void;

/** What a host sees: subscribe, and unsubscribe with the function returned. */
export interface CoreEvents {
  onQueueChanged(listener: QueueListener): () => void;
  /**
   * A staff session ended (log-off, lock, idle log-off noticed, the person deactivated, the
   * device revoked): a host holding a stream open for a session checks its caller again now.
   * Carries no data either.
   */
  onAccessChanged(listener: QueueListener): () => void;
}

/** What the handlers use: the host side plus the calls that fire. */
export interface CoreEventHub extends CoreEvents {
  queueChanged(): void;
  accessChanged(): void;
  /** Listeners currently subscribed (for tests and the server's stream count). */
  readonly listenerCount: number;
}

export function createCoreEvents(onListenerError: (error: unknown) => void = () => undefined): CoreEventHub {
  const queue = new Set<QueueListener>();
  const access = new Set<QueueListener>();
  const subscribe = (listeners: Set<QueueListener>, listener: QueueListener) => {
    // A wrapper per subscription: the same function subscribed twice is two subscriptions.
    const entry: QueueListener = () => listener();
    listeners.add(entry);
    return () => {
      listeners.delete(entry);
    };
  };
  const fire = (listeners: Set<QueueListener>) => {
    for (const listener of [...listeners]) {
      // One listener failing (a closed stream) never keeps the others from hearing, nor the handler from answering.
      try {
        listener();
      } catch (error) {
        onListenerError(error);
      }
    }
  };
  return {
    onQueueChanged: (listener) => subscribe(queue, listener),
    onAccessChanged: (listener) => subscribe(access, listener),
    queueChanged: () => fire(queue),
    accessChanged: () => fire(access),
    get listenerCount() {
      return queue.size;
    },
  };
}
