/** Our field names, in roster order; `providers.hr.columns` maps them to an export's headers. */
export const ROSTER_FIELDS = [
  'email',
  'name',
  'status',
  'start_date',
  'end_date',
  'github',
  'aws_user',
  'manager',
  'department',
  'employment_type',
  'background_check_date',
  'security_training_date',
  'policy_ack_date',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const REQUIRED_FIELDS: readonly RosterField[] = ['email', 'name', 'status'];
export const DATE_FIELDS: readonly RosterField[] = [
  'start_date',
  'end_date',
  'background_check_date',
  'security_training_date',
  'policy_ack_date',
];

/** Status words used by common HR exports, lower-cased. */
export const STATUS_WORDS: Record<string, 'active' | 'terminated' | 'leave'> = {
  active: 'active',
  onboarding: 'active',
  terminated: 'terminated',
  inactive: 'terminated',
  former: 'terminated',
  offboarded: 'terminated',
  leave: 'leave',
  'on leave': 'leave',
  on_leave: 'leave',
  'leave of absence': 'leave',
};

/** Employment type words (BambooHR "Employment Status", Rippling "Employment type", Personio). */
export const EMPLOYMENT_WORDS: Record<string, 'employee' | 'contractor'> = {
  employee: 'employee',
  'full-time': 'employee',
  'full time': 'employee',
  full_time: 'employee',
  'part-time': 'employee',
  'part time': 'employee',
  part_time: 'employee',
  intern: 'employee',
  salaried: 'employee',
  hourly: 'employee',
  internal: 'employee',
  contractor: 'contractor',
  contract: 'contractor',
  freelance: 'contractor',
  freelancer: 'contractor',
  consultant: 'contractor',
  '1099': 'contractor',
  external: 'contractor',
};
