import type { ScopeResult } from '../../src/sdk/index.js';

/**
 * Okta data as the collectors store it: the Management API fields the checks read, trimmed from the
 * resources (https://developer.okta.com/docs/api/openapi/okta-management/management/tag/User/). Times are
 * ISO 8601 strings as the API returns them.
 */

/** ACTIVE, STAGED, PROVISIONED, RECOVERY, PASSWORD_EXPIRED, LOCKED_OUT, SUSPENDED or DEPROVISIONED. */
export type OktaUserStatus = string;

export interface OktaUser {
  id: string;
  status: OktaUserStatus;
  /** profile.login: the username, usually the primary email. */
  login: string;
  email: string | null;
  created: string;
  /** null when the user never signed in. */
  lastLogin: string | null;
  statusChanged: string | null;
}

/** One enrolled factor (GET /api/v1/users/{id}/factors). */
export interface OktaFactor {
  id: string;
  /** push, token:software:totp, webauthn, sms, email, question, ... */
  factorType: string;
  provider: string;
  /** ACTIVE, PENDING_ACTIVATION, NOT_SETUP, ENROLLED, INACTIVE, EXPIRED. */
  status: string;
}

/** A user holding at least one admin role (GET /api/v1/iam/assignees/users, then /api/v1/users/{id}/roles). */
export interface OktaAdmin {
  userId: string;
  roles: { id: string; type: string; label: string; status: string; assignmentType: string }[];
}

export interface OktaPolicyRule {
  id: string;
  name: string;
  status: string;
  priority: number;
  system: boolean;
  conditions: unknown;
  actions: unknown;
}

/** A policy of one type (GET /api/v1/policies?type=...) with its rules (GET /api/v1/policies/{id}/rules). */
export interface OktaPolicy {
  id: string;
  name: string;
  type: string;
  status: string;
  priority: number;
  system: boolean;
  conditions: unknown;
  settings: unknown;
  rules: OktaPolicyRule[];
}

/** An app and who is assigned to it (GET /api/v1/apps, GET /api/v1/apps/{id}/users). */
export interface OktaApp {
  id: string;
  label: string;
  name: string;
  status: string;
  signOnMode: string;
  /** Users assigned to the app, directly (scope USER) or through a group (scope GROUP). */
  assignments: { userId: string; scope: string; status: string }[];
}

declare module '../../src/sdk/index.js' {
  interface DataMap {
    /** Every user, DEPROVISIONED ones included (they need a filter of their own). */
    'okta.users': OktaUser[];
    /** One entry per user that is not deprovisioned (scope: the login), in login order. */
    'okta.factors': ScopeResult<OktaFactor[]>[];
    'okta.admins': OktaAdmin[];
    'okta.signOnPolicies': OktaPolicy[];
    /** App authentication policies (Identity Engine); empty in a Classic org, which has none. */
    'okta.accessPolicies': OktaPolicy[];
    'okta.mfaEnrollPolicies': OktaPolicy[];
    'okta.passwordPolicies': OktaPolicy[];
    /** One entry per ACTIVE app (scope: its label and id); inactive apps sign nobody in and are left out. */
    'okta.apps': ScopeResult<OktaApp>[];
  }
}
