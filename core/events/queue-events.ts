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
}

/** What the handlers use: the host side plus the one call that fires. */
export interface CoreEventHub extends CoreEvents {
  queueChanged(): void;
  /** Listeners currently subscribed (for tests and the server's stream count). */
  readonly listenerCount: number;
}

export function createCoreEvents(onListenerError: (error: unknown) => void = () => undefined): CoreEventHub {
  const listeners = new Set<QueueListener>();
  return {
    onQueueChanged(listener) {
      // A wrapper per subscription: the same function subscribed twice is two subscriptions.
      const entry: QueueListener = () => listener();
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    queueChanged() {
      for (const listener of [...listeners]) {
        // One listener failing (a closed stream) never keeps the others from hearing, nor the handler from answering.
        try {
          listener();
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    get listenerCount() {
      return listeners.size;
    },
  };
}
