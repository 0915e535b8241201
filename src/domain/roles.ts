// Who in a seller's team may do what: the three roles and the one table every guard reads. The owner may do
// everything; a manager works with buyers; a viewer sees the numbers and lists with contacts masked.

export type Role = 'owner' | 'manager' | 'viewer';
/** The roles an invite can give (there is one owner: whoever linked the account). */
export type MemberRole = Exclude<Role, 'owner'>;

const MEMBER_ROLES: readonly MemberRole[] = ['manager', 'viewer'];

/** What a command needs, in the seller's words. */
export type Permission =
  /** Totals, charts, lists of orders (contacts masked unless `contacts` too). */
  | 'orders'
  /** Buyers' full e-mails, phones and names. */
  | 'contacts'
  /** /order and /buyer. */
  | 'lookup'
  /** /export: a file with every buyer's contacts. */
  | 'export'
  /** Alerts, digest, reports, goal, pinned card in one's own private chat. */
  | 'notifications'
  /** Pointing the account's alerts or digest at a group or channel. */
  | 'routing'
  /** /team: invites, roles, removals. */
  | 'team'
  /** /unlink, /link of a new key, the push URL. */
  | 'account';

const ALLOWED: Record<Permission, readonly Role[]> = {
  orders: ['owner', 'manager', 'viewer'],
  contacts: ['owner', 'manager'],
  lookup: ['owner', 'manager'],
  export: ['owner', 'manager'],
  notifications: ['owner', 'manager', 'viewer'],
  routing: ['owner'],
  team: ['owner'],
  account: ['owner'],
};

/** May someone with this role (none: no access at all) do this? */
export function may(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && ALLOWED[permission].includes(role);
}

export function isMemberRole(value: string): value is MemberRole {
  return (MEMBER_ROLES as readonly string[]).includes(value);
}
