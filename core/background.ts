/**
 * Work that runs after a call has been answered (exporting a PDF copy to the export
 * folder). Tracked so that close() can wait for it and nothing is cut off mid-write.
 */
export function createBackgroundTasks(onError: (error: unknown) => void = () => {}) {
  const running = new Set<Promise<unknown>>();
  return {
    run(task: () => Promise<unknown>): void {
      const promise = task()
        .catch(onError)
        .finally(() => running.delete(promise));
      running.add(promise);
    },
    async drain(): Promise<void> {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
