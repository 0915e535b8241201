// The poll tick: ONE BullMQ job scheduler for the whole deployment, upserted only by the replica that holds
// the leader lock (concurrent upserts from every replica on boot are a known source of BullMQ bugs).
import type { Queue } from 'bullmq';
import { POLL_TICK } from './queues.js';

/** Creates or updates the tick that fans out a poll per watched account every `pollSeconds`. */
export async function upsertPollTick(queue: Queue, pollSeconds: number): Promise<void> {
  await queue.upsertJobScheduler(
    POLL_TICK,
    { every: pollSeconds * 1000 },
    // A tick is cheap and the next one is the retry: keep only a few finished ones for inspection.
    { name: 'tick', data: {}, opts: { attempts: 1, removeOnComplete: { count: 50 }, removeOnFail: { count: 50 } } },
  );
}
