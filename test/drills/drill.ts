// The skeleton of every fault drill: a world with two sellers (the shop also has its team group), the scenario
// that brings the fault on and lets it pass, then the four promises every drill keeps and any of its own.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ChatSpec } from '../fakes/telegram.js';
import { describeRedis } from '../support/redis.js';
import { describeCluster } from '../support/redis-cluster.js';
import type { BotProcess } from '../support/process-harness.js';
import { alertedOrders, startWorld, type Seller, type Verdict, type World } from './world.js';

export interface DrillOutcome {
  verdict: Verdict;
  /** 'answered', or why /status got no answer within the bound. */
  status: string;
  leaks: string[];
}

export interface ConcludeOptions {
  /** How long /status may take to be answered after the fault (default 30 s). */
  statusWithinMs?: number;
  /** How long every alert may take to be out and the queue quiet (default 90 s). */
  deliveredWithinMs?: number;
}

/** The drill's two sellers: `shop` switched alerts on in its group too, `other` only in private. */
export interface Cast {
  shop: Seller & { group: ChatSpec };
  other: Seller;
}

export interface DrillSpec<Found> {
  /**
   * Starts the bot(s), sets the sellers up, brings the fault on and lets it pass; what it returns, the drill's
   * own verdicts read. Orders it pays are checked afterwards by the four promises.
   */
  scenario(world: World, cast: Cast): Promise<Found>;
  /** The drill's own tests, beside the four promises; `found` is what the scenario returned. */
  verdicts?(found: () => Found, world: () => World): void;
  conclude?: ConcludeOptions;
  /** For the whole scenario and its conclusion (default 180 s). */
  timeoutMs?: number;
  /** Run on a Redis Cluster of three masters with a replica each instead of one Redis. */
  cluster?: boolean;
}

/** Declares a drill: its world is started before and closed after its tests, whatever happens in between. */
export function drill<Found = void>(title: string, spec: DrillSpec<Found>): void {
  (spec.cluster ? describeCluster : describeRedis)(title, () => {
    let world: World | undefined;
    let ran: { found: Found; outcome: DrillOutcome } | undefined;

    beforeAll(async () => {
      const w = (world = await startWorld({ sellers: [{ group: true }, {}], cluster: spec.cluster ?? false }));
      const [shop, other] = w.sellers;
      if (!shop?.group || !other) throw new Error('a drill needs a seller with a group and one without');
      const found = await spec.scenario(w, { shop: shop as Cast['shop'], other });
      ran = { found, outcome: await conclude(w, spec.conclude) };
    }, spec.timeoutMs ?? 180_000);
    afterAll(async () => {
      await world?.close();
    });

    const finished = () => {
      if (!ran || !world) throw new Error('the drill did not run to its end (see the beforeAll error)');
      return { ...ran, world };
    };
    itKeepsItsPromises(() => finished().outcome);
    spec.verdicts?.(
      () => finished().found,
      () => finished().world,
    );
  });
}

/** The usual opening: one bot, the sellers set up, an order paid every `everyMs`, and the first alerts out. */
export async function ordersFlowing(world: World, everyMs: number): Promise<ReturnType<World['payer']>> {
  await world.startBot('bot');
  await world.setUp();
  const payer = world.payer(everyMs);
  await world.tg.waitFor(() => alertedOrders(world.tg.sent()).length >= 2, 20_000);
  return payer;
}

/**
 * The opening of the stop drills: one bot, the sellers set up, and four orders at once for the shop (its
 * group gets one alert every three seconds), so deliveries are still queued once the first reached the group.
 */
export async function deliveriesQueued(world: World, { shop, other }: Cast): Promise<BotProcess> {
  const bot = await world.startBot('bot');
  await world.setUp();
  for (let i = 0; i < 4; i++) world.pay(shop);
  world.pay(other);
  await world.tg.waitFor(() => alertedOrders(world.tg.sent(shop.group.id)).length >= 1, 20_000);
  return bot;
}

/** After the fault is over: /status (bounded wait), every alert out, the queue drained and quiet, then the secrets scan. */
async function conclude(w: World, opts: ConcludeOptions = {}): Promise<DrillOutcome> {
  const asker = w.sellers[0]!;
  const status = await w.answersStatus(asker, opts.statusWithinMs ?? 30_000).then(
    () => 'answered',
    (err: unknown) => (err as Error).message,
  );
  await w.allAlerted(opts.deliveredWithinMs ?? 90_000);
  // A job left active by a killed process reruns only after its lock expires: wait for the queue, not a clock.
  await w.settled(opts.deliveredWithinMs ?? 90_000);
  return { verdict: w.verdict(), status, leaks: await w.leaks() };
}

/** The four things every drill must show, as four tests over the drill's outcome. */
function itKeepsItsPromises(outcome: () => DrillOutcome): void {
  it('alerts every order paid before, during and after the fault in every alert chat', () => {
    const { paid, missing } = outcome().verdict;
    expect(paid).toBeGreaterThanOrEqual(4);
    expect(missing).toEqual([]);
  });
  it("alerts no order twice, none paid before alerts were on, and none in another account's chat", () => {
    const { duplicated, history, stray } = outcome().verdict;
    expect({ duplicated, history, stray }).toEqual({ duplicated: [], history: [], stray: [] });
  });
  it('answers /status again within seconds of recovery', () => {
    expect(outcome().status).toBe('answered');
  });
  it('leaks no secret into a log line, a Telegram call or a Redis value', () => {
    expect(outcome().leaks).toEqual([]);
  });
}
