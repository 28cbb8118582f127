// One run at a time of an async refresh (the analysis, a quiet reread of the cells): a call made
// while one runs asks for a single rerun after it, never a parallel request whose answers could
// arrive out of order. The task is told when its answer is already stale (a rerun is due).
export function oneAtATime(task: (isStale: () => boolean) => Promise<void>): () => Promise<void> {
  let isRunning = false;
  let isDue = false;
  return async () => {
    if (isRunning) {
      isDue = true;
      return;
    }
    isRunning = true;
    try {
      do {
        isDue = false;
        await task(() => isDue);
      } while (isDue);
    } finally {
      isRunning = false;
    }
  };
}
