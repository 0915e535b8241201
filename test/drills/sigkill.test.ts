// Fault drill: the bot is killed with SIGKILL while alerts are being delivered (some sent, some waiting their
// turn), orders are paid while it is down, and it is started again.
import { deliveriesQueued, drill } from './drill.js';

drill('drill: the bot killed with SIGKILL mid-delivery, then started again', {
  async scenario(world, { shop, other }) {
    const bot = await deliveriesQueued(world, { shop, other });
    // Telegram then fails for a moment, so deliveries are retrying when the process dies (see holdTelegram
    // for why the kill waits until the bot noted what Telegram took).
    const release = await world.holdTelegram();
    await bot.kill('SIGKILL');
    release();
    // Paid while nobody is polling.
    world.pay(shop);
    world.pay(other);
    await world.startBot('bot, started again');
    world.pay(other);
  },
});
