// Shutdown waits on things that may hang (running jobs, Redis's QUIT, the bot's last updates): each wait
// ends at a deadline, so that stopping always ends.

/** True when `work` settled within `ms`; false when the deadline came first (the work is left running). */
export async function withDeadline(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
