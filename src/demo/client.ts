// The JustClick client the app uses: the real one, except that the demo account is answered in-process.
// Every method (fetchOrders, fetchOrderSets, checkKey, the lookups) goes through `call`, so one override covers them.
import { type CallOptions, JustClickClient, type JustClickClientOptions } from '../justclick/client.js';
import type { QueryParams } from '../justclick/query.js';
import type { Credentials } from '../justclick/types.js';
import { isDemoAccount } from './account.js';
import { demoAnswer } from './api.js';
import { DemoShop } from './shop.js';

export class DemoAwareClient extends JustClickClient {
  readonly #shop = new DemoShop();
  readonly #now: () => number;

  constructor(options: JustClickClientOptions = {}) {
    super(options);
    // The demo's "now" is the app's clock: an order shows as paid once that clock reaches its paid time.
    this.#now = options.now ?? Date.now;
  }

  override async call(creds: Credentials, method: string, params: QueryParams, options: CallOptions = {}): Promise<unknown> {
    if (!isDemoAccount(creds)) return super.call(creds, method, params, options);
    return demoAnswer(this.#shop, method, params, Math.floor(this.#now() / 1000));
  }
}
