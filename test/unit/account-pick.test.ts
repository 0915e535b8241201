import { describe, expect, it } from 'vitest';
import { takeAccountPick } from '../../src/domain/account-pick.js';

describe('takeAccountPick', () => {
  it('takes "@shop2" out of the words and leaves the period', () => {
    expect(takeAccountPick('вчера @shop2 оплаченные')).toEqual({ text: 'вчера оплаченные', pick: { login: 'shop2' } });
  });
  it('reads @all and @все as every account, in any case', () => {
    expect(takeAccountPick('@ALL week')).toEqual({ text: 'week', pick: 'all' });
    expect(takeAccountPick('неделя @Все')).toEqual({ text: 'неделя', pick: 'all' });
  });
  it('takes a full account address as its login', () => {
    expect(takeAccountPick('@yoga-school.justclick.ru today').pick).toEqual({ login: 'yoga-school' });
  });
  it('leaves bare "all" alone: in /orders it means all orders, not all accounts', () => {
    expect(takeAccountPick('today all')).toEqual({ text: 'today all', pick: null });
  });
  it('leaves an e-mail alone: the @ inside a word picks nothing', () => {
    expect(takeAccountPick('anna@example.com')).toEqual({ text: 'anna@example.com', pick: null });
  });
});
