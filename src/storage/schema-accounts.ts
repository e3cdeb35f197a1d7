// Kysely's view of the accounts, sign-in and audit tables.
import type { Generated } from 'kysely';
import type { Timestamp } from './schema-columns.ts';

// Accounts and the audit log (migration 2026-11-25-10-accounts).
export interface UserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  disabled: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RoleGrantTable {
  user_id: string;
  role: string;
  scope: string;
  created_at: Timestamp;
}

export interface SessionTable {
  id_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  idle_expires_at: Timestamp;
  absolute_expires_at: Timestamp;
}

export interface OneTimeTokenTable {
  id_hash: string;
  purpose: 'reset' | 'invitation';
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

// Sign-in limits (migration 2026-12-02-80-sign-in-limits).
export interface SignInLimitTable {
  key: string;
  window_start: Timestamp;
  attempts: number;
  trusted_until: Timestamp | null;
  updated_at: Generated<Timestamp>;
}

export interface MailOutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  created_at: Timestamp;
  status: 'stored' | 'sent' | 'failed';
  sent_at: Timestamp | null;
  error: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_email: string;
  actor_roles: string;
  action: string;
  record_type: string;
  record_id: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
}
