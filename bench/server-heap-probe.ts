/**
 * Preloaded into the clinic server child by bench/clinic-load.ts (`node --import`): answers the
 * bench's "memory" message on the IPC channel with process.memoryUsage(), so the bench reads the
 * server's V8 heap as well as its RSS (/proc). Changes nothing else in the server; the channel is
 * unref'd so it never keeps the server running.
 */
process.on('message', (message: unknown) => {
  if (message === 'memory') process.send?.({ memory: process.memoryUsage() });
});
process.channel?.unref();
