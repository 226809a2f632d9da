export type PersonStatus = 'active' | 'terminated' | 'leave';
export type EmploymentType = 'employee' | 'contractor';

/** One row of the HR roster, normalized: emails and logins lower-cased, dates as YYYY-MM-DD. */
export interface Person {
  email: string;
  name: string;
  status: PersonStatus;
  startDate?: string;
  endDate?: string;
  github?: string;
  awsUser?: string;
  manager?: string;
  department?: string;
  employmentType: EmploymentType;
  backgroundCheckDate?: string;
  securityTrainingDate?: string;
  policyAckDate?: string;
  /** Where the row is in the roster file: the CSV line, or the JSON line of the record. */
  line: number;
}

export interface Roster {
  file: string;
  format: 'csv' | 'json';
  sha256: string;
  people: Person[];
}

declare module '../../engine/data-map.js' {
  interface DataMap {
    'hr.roster': Roster;
  }
}
