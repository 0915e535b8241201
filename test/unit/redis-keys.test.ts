// REDIS_URL's forms and the key names: one Redis keeps the names it always had, a cluster gets hash tags.
import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig } from '../../src/config.js';
import { KeySpace } from '../../src/store/keys.js';
import { parseRedisUrl } from '../../src/store/redis.js';

const base = { BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', CREDENTIALS_KEY: Buffer.alloc(32, 7).toString('base64') };

describe('REDIS_URL', () => {
  it('names one server with redis:// or rediss://', () => {
    expect(parseRedisUrl('redis://10.0.0.5:6380/2')).toEqual({ kind: 'single', url: 'redis://10.0.0.5:6380/2' });
    expect(parseRedisUrl('rediss://user:pw@cache.example.com:6380')).toEqual({ kind: 'single', url: 'rediss://user:pw@cache.example.com:6380' });
  });

  it('names a cluster by its nodes, with credentials for every node and TLS with rediss+cluster', () => {
    expect(parseRedisUrl('redis+cluster://r1:7000,r2:7001,r3')).toEqual({
      kind: 'cluster',
      tls: false,
      nodes: [
        { host: 'r1', port: 7000 },
        { host: 'r2', port: 7001 },
        { host: 'r3', port: 6379 },
      ],
    });
    expect(parseRedisUrl('rediss+cluster://bot:p%40ss@[::1]:7000,10.0.0.2:7000/')).toEqual({
      kind: 'cluster',
      tls: true,
      username: 'bot',
      password: 'p@ss',
      nodes: [
        { host: '::1', port: 7000 },
        { host: '10.0.0.2', port: 7000 },
      ],
    });
    expect(parseRedisUrl('redis+cluster://:secret@r1:7000')).toMatchObject({ password: 'secret' });
  });

  it('refuses a bad form with one clear line', () => {
    const problem = (url: string) => {
      try {
        loadConfig({ ...base, REDIS_URL: url });
        return 'accepted';
      } catch (err) {
        return (err as ConfigError).problems.join('\n');
      }
    };
    expect(problem('redis+cluster://r1:7000,r2:7001')).toBe('accepted');
    expect(problem('http://r1:6379')).toBe('REDIS_URL must start with redis://, rediss://, redis+cluster:// or rediss+cluster://');
    expect(problem('redis+cluster://r1:7000/3')).toContain('REDIS_URL a cluster is written redis+cluster://');
    expect(problem('redis+cluster://r1:99999')).toBe('REDIS_URL "r1:99999" is not host:port');
    expect(problem('redis+cluster://r1:7000,,r2:7000')).toBe('REDIS_URL "" is not host:port');
  });
});

describe('key names', () => {
  it('on one Redis are the names written before clusters were supported', () => {
    const keys = new KeySpace('jcb:');
    expect(keys.chat('chat', -100123)).toBe('jcb:chat:-100123');
    expect(keys.chat('alert:sent', 42, 'o7')).toBe('jcb:alert:sent:42:o7');
    expect(keys.account('acct', 5)).toBe('jcb:acct:5');
    expect(keys.user('budget:user', 5)).toBe('jcb:budget:user:5');
    expect(keys.plain('push', 'tok')).toBe('jcb:push:tok');
    expect(keys.queuePrefix()).toBe('jcb:bull');
    expect(keys.accountIdOf('acct', 'jcb:acct:5')).toBe(5);
  });

  it('on a cluster tag the chat, the account or the user, so their keys share one slot', () => {
    const keys = new KeySpace('jcb:', true);
    expect(keys.chat('chat', -100123)).toBe('jcb:chat:{c-100123}');
    expect(keys.chat('alert:sent', 42, 'o7')).toBe('jcb:alert:sent:{c42}:o7');
    expect(keys.account('chat:by-owner', 5)).toBe('jcb:chat:by-owner:{a5}');
    expect(keys.user('linkfail:user', 5)).toBe('jcb:linkfail:user:{u5}');
    expect(keys.plain('alert', 'owners')).toBe('jcb:alert:owners');
    expect(keys.queuePrefix()).toBe('{jcb:bull}');
    expect(keys.accountIdOf('acct', 'jcb:acct:{a5}')).toBe(5);
    expect(keys.accountIdOf('acct', 'jcb:acct:5')).toBeUndefined();
  });

  it('refuse an id that is not a Telegram id before it becomes part of a key', () => {
    expect(() => new KeySpace('jcb:', true).account('acct', 0)).toThrow(TypeError);
    expect(() => new KeySpace('jcb:').chat('chat', 1.5)).toThrow(TypeError);
  });
});
