// Work that follows paid orders (goal checks, card refreshes) runs at most once per slot of time: the job id
// names the next slot, so a burst of sales adds one job, and a sale after that job started adds the next one.
// Nothing is dropped: the job reads the state when it runs, and a later change always gets a later slot.
import type { JobsOptions, Queue } from 'bullmq';
import type { SummaryJob } from './queues.js';

const coalescedJobOptions: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  // Kept long enough that a re-add within its slot stays a no-op; slots are seconds long.
  removeOnComplete: { age: 3_600 },
  removeOnFail: { age: 86_400 },
};

/** Adds `name` for the next slot boundary of `intervalMs` (real time: the limit is on what Telegram sees). */
export async function addCoalesced(
  queue: Queue<SummaryJob>,
  name: string,
  data: SummaryJob,
  jobId: (slot: number) => string,
  intervalMs: number,
): Promise<void> {
  const now = Date.now();
  const slot = Math.floor(now / intervalMs) + 1;
  await queue.add(name, data, { ...coalescedJobOptions, jobId: jobId(slot), delay: slot * intervalMs - now });
}
