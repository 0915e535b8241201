// A seller's team: who besides the owner may use an account, in which role, and the one-time invite links that
// let someone in. Invite tokens are never stored: only their SHA-256, so a copy of Redis opens no door.
import { createHash, randomBytes } from 'node:crypto';
import { keySpace, type KeySpace } from './keys.js';
import type { Redis } from './redis.js';
import { isMemberRole, type MemberRole, type Role } from '../domain/roles.js';
import { intOrUndefined, userIdPart } from './ids.js';

/** An invite link works this long after it was made. */
const INVITE_TTL_SECONDS = 24 * 3600;
/** A used or expired invite is remembered one more day, so that pressing it again gets a clear answer. */
const INVITE_KEEP_SECONDS = 2 * INVITE_TTL_SECONDS;
/** 32 random bytes, base64url: 43 characters, within Telegram's 64 for a /start parameter. */
export const INVITE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface TeamMember {
  userId: number;
  role: MemberRole;
  /** Unix seconds: when they joined. */
  since: number;
  /** Their Telegram @username or name when they joined, for the owner's list. */
  name: string;
}

export type Redeemed =
  | { ok: true; accountId: number; role: MemberRole }
  | { ok: false; reason: 'unknown' | 'expired' | 'used' | 'own-account' | 'already-member' };

/**
 * Who owns an account: today an account is keyed by its owner's Telegram id, so this is "the account is
 * linked" (undefined when it is not). Several accounts per person change only this function.
 */
export type OwnerOf = (accountId: number) => Promise<number | undefined>;

export class TeamStore {
  private readonly keys: KeySpace;

  constructor(
    private readonly redis: Redis,
    keys: KeySpace | string,
    private readonly ownerOf: OwnerOf,
  ) {
    this.keys = keySpace(keys);
  }

  // Every key name of this store is built here. On a cluster the team and its invite list share the account's
  // slot; a member's list of teams is theirs; an invite is its own (each is written with single-slot commands).
  private teamKey(accountId: number): string {
    return this.keys.account('team', accountId);
  }
  private teamsOfKey(userId: number): string {
    return this.keys.user('teams-of', userId);
  }
  private inviteKey(tokenHash: string): string {
    return this.keys.plain('invite', tokenHash);
  }
  private invitesKey(accountId: number): string {
    return this.keys.account('invites', accountId);
  }

  /** The one answer to "may this user use this account, and how": every access check asks it. */
  async roleOf(userId: number, accountId: number): Promise<Role | undefined> {
    const owner = await this.ownerOf(accountId);
    if (owner === undefined) return undefined;
    if (owner === userId) return 'owner';
    return (await this.member(accountId, userId))?.role;
  }

  async member(accountId: number, userId: number): Promise<TeamMember | undefined> {
    return parseMember(userId, await this.redis.hget(this.teamKey(accountId), userIdPart(userId)));
  }

  /** The account's members, oldest first (the owner is not among them). */
  async members(accountId: number): Promise<TeamMember[]> {
    const all = await this.redis.hgetall(this.teamKey(accountId));
    return Object.entries(all)
      .map(([id, raw]) => parseMember(intOrUndefined(id) ?? 0, raw))
      .filter((m): m is TeamMember => m !== undefined)
      .sort((a, b) => a.since - b.since || a.userId - b.userId);
  }

  /** Accounts this user is a member of (not their own), the one joined first first. */
  async teamsOf(userId: number): Promise<number[]> {
    const ids = (await this.redis.zrange(this.teamsOfKey(userId), '0', '-1')).map((id) => intOrUndefined(id));
    return ids.filter((id): id is number => id !== undefined);
  }

  /** A new one-time link for the account; the token is returned once and only its hash is kept. */
  async invite(accountId: number, role: MemberRole, by: number, now: number): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const hash = tokenHash(token);
    const expiresAt = now + INVITE_TTL_SECONDS;
    await this.redis
      .multi()
      .hset(this.inviteKey(hash), { accountId: String(accountId), role, by: String(by), expiresAt: String(expiresAt) })
      .expire(this.inviteKey(hash), INVITE_KEEP_SECONDS)
      .exec();
    // The account's list of open invites, so that /unlink can revoke them; it expires with the newest one.
    await this.redis.multi().sadd(this.invitesKey(accountId), hash).expire(this.invitesKey(accountId), INVITE_KEEP_SECONDS).exec();
    return { token, expiresAt };
  }

  /** Uses an invite for this user: once, before it expires, for an account that is still linked. */
  async redeem(token: string, user: { id: number; name: string }, now: number): Promise<Redeemed> {
    if (!INVITE_TOKEN.test(token)) return { ok: false, reason: 'unknown' };
    const key = this.inviteKey(tokenHash(token));
    const invite = await this.redis.hgetall(key);
    const accountId = intOrUndefined(invite.accountId);
    const expiresAt = intOrUndefined(invite.expiresAt);
    if (accountId === undefined || expiresAt === undefined || !invite.role || !isMemberRole(invite.role)) return { ok: false, reason: 'unknown' };
    if (invite.usedBy !== undefined) return { ok: false, reason: 'used' };
    if (now >= expiresAt) return { ok: false, reason: 'expired' };
    const role = await this.roleOf(user.id, accountId);
    // The owner's own link, or a member's second one, is not spent: it may still be meant for someone else.
    if (role === 'owner') return { ok: false, reason: 'own-account' };
    if (role !== undefined) return { ok: false, reason: 'already-member' };
    if ((await this.ownerOf(accountId)) === undefined) return { ok: false, reason: 'unknown' };
    // HSETNX: of two people pressing the same link at once, exactly one gets in.
    if ((await this.redis.hsetnx(key, 'usedBy', userIdPart(user.id))) !== 1) return { ok: false, reason: 'used' };
    await this.redis.srem(this.invitesKey(accountId), tokenHash(token));
    await this.add(accountId, { userId: user.id, role: invite.role, since: now, name: user.name });
    return { ok: true, accountId, role: invite.role };
  }

  async add(accountId: number, member: TeamMember): Promise<void> {
    const { userId, ...stored } = member;
    await this.redis.hset(this.teamKey(accountId), userIdPart(userId), JSON.stringify(stored));
    await this.redis.zadd(this.teamsOfKey(userId), member.since, userIdPart(accountId));
  }

  /** Changes a member's role; false when they are not (or no longer) a member. */
  async setRole(accountId: number, userId: number, role: MemberRole): Promise<boolean> {
    const current = await this.member(accountId, userId);
    if (!current) return false;
    await this.redis.hset(this.teamKey(accountId), userIdPart(userId), JSON.stringify({ role, since: current.since, name: current.name }));
    return true;
  }

  /** Takes a member out of the team; false when they were not in it. */
  async remove(accountId: number, userId: number): Promise<boolean> {
    const removed = await this.redis.hdel(this.teamKey(accountId), userIdPart(userId));
    await this.redis.zrem(this.teamsOfKey(userId), userIdPart(accountId));
    return removed === 1;
  }

  /** The account is gone (/unlink): its team and its open invites go with it. Returns who was in the team. */
  async forgetAccount(accountId: number): Promise<number[]> {
    const members = (await this.members(accountId)).map((m) => m.userId);
    for (const userId of members) await this.redis.zrem(this.teamsOfKey(userId), userIdPart(accountId));
    const invites = await this.redis.smembers(this.invitesKey(accountId));
    for (const hash of invites) await this.redis.del(this.inviteKey(hash));
    await this.redis.del(this.teamKey(accountId), this.invitesKey(accountId));
    return members;
  }
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function parseMember(userId: number, raw: string | null | undefined): TeamMember | undefined {
  if (!raw || userId <= 0) return undefined;
  try {
    const m = JSON.parse(raw) as { role?: unknown; since?: unknown; name?: unknown };
    if (typeof m.role !== 'string' || !isMemberRole(m.role) || typeof m.since !== 'number') return undefined;
    return { userId, role: m.role, since: m.since, name: typeof m.name === 'string' ? m.name : '' };
  } catch {
    return undefined;
  }
}
