// What the alert engine's parts share: the stores, the JustClick client, the outbound gateway, the queues
// and the clock. Built once by engine.ts and handed to the poll, delivery and digest processors.
import type { Queue } from 'bullmq';
import type { JustClickClient } from '../justclick/client.js';
import type { OrdersMethod } from '../justclick/types.js';
import type { Logger } from '../logger.js';
import type { AccountStore } from '../store/accounts.js';
import type { BuyerCache } from '../store/buyer-cache.js';
import type { ChatStore } from '../store/chats.js';
import type { AlertHolds } from '../store/alert-holds.js';
import type { MilestoneStore } from '../store/milestones.js';
import type { AlertLedger, WatchList } from '../store/ledger.js';
import type { Locks } from '../store/locks.js';
import type { TeamStore } from '../store/team.js';
import type { Gateway } from '../outbound/gateway.js';
import type { AlertPrefetch } from './prefetch.js';
import type { Delivery, SummaryJob } from './queues.js';

export interface EngineContext {
  accounts: AccountStore;
  chats: ChatStore;
  /** `call`: the lookups of an alert's buyer line (GetBills, getOrderDetails). */
  client: Pick<JustClickClient, 'fetchOrders' | 'fetchOrderSets' | 'call'>;
  /** What the alerts remember of buyers between alerts (prices of their paid orders, an hour). */
  buyers: BuyerCache;
  /** Reads an alert will need, started when its push arrives (prefetch.ts). */
  prefetch: AlertPrefetch;
  /** Milestone claims (once per chat) and the record window's numbers. */
  milestones: MilestoneStore;
  gateway: Pick<Gateway, 'sendHtml' | 'sendPhoto' | 'editHtml' | 'pinMessage' | 'unpinMessage' | 'getChatMember'>;
  logger: Logger;
  ordersMethod: OrdersMethod;
  pollSeconds: number;
  defaultTimeZone: string;
  now: () => Date;
  /** Follow-ups of sales run at most this often (ms): a goal check per owner, a pinned card's edit per chat. */
  followUpMs: number;
  /** Who may read what an account sends: checked again at send time. */
  team: Pick<TeamStore, 'roleOf'>;
  ledger: AlertLedger;
  watch: WatchList;
  /** Orders held through quiet hours, silence checks and the learned weeks of sales. */
  holds: AlertHolds;
  locks: Locks;
  queues: {
    poll: Queue;
    delivery: Queue<Delivery>;
    /** Digests, reports, goal checks and card refreshes: the scheduled summaries and what follows a sale. */
    digest: Queue<SummaryJob>;
  };
}
