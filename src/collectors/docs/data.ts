/** A policy document: Markdown with YAML front matter in the policies folder. */
export interface PolicyDoc {
  /** File name without .md; catalog evidence requests name policies by this id. */
  id: string;
  file: string;
  sha256: string;
  title: string;
  version?: string;
  owner?: string;
  approvedBy?: string;
  /** YYYY-MM-DD */
  approvedAt?: string;
  /** Last review without a new version (YYYY-MM-DD); the review clock starts at the later of this and approvedAt. */
  reviewedAt?: string;
  /** As written, e.g. "12 months". */
  reviewEvery: string;
  /** Next review due (YYYY-MM-DD), from the last approval or review plus the interval; absent until approved. */
  reviewDueAt?: string;
  criteria: string[];
}

export interface PolicyFolder {
  dir: string;
  exists: boolean;
  policies: PolicyDoc[];
}

export interface EvidenceFile {
  /** As written in the index, relative to the evidence folder. */
  path: string;
  present: boolean;
  sha256?: string;
  size?: number;
}

export interface EvidenceItem {
  control: string;
  request: string;
  title: string;
  owner?: string;
  /** YYYY-MM-DD */
  collectedAt: string;
  /** YYYY-MM-DD: when the activity was performed; absent: on collectedAt. */
  performedAt?: string;
  performedBy?: string;
  /** Sign-off: who reviewed and approved the performance. */
  reviewedBy?: string;
  /** The period the activity covers (YYYY-MM-DD). */
  covers?: { from: string; to: string };
  validDays?: number;
  files: EvidenceFile[];
  /** Line of the item in the index file. */
  line: number;
}

export interface EvidenceIndex {
  dir: string;
  /** The index file, or the path where it was expected. */
  index: string;
  exists: boolean;
  items: EvidenceItem[];
}

export type Rating = 1 | 2 | 3 | 4 | 5;
export type Treatment = 'mitigate' | 'accept' | 'transfer' | 'avoid';

export interface Risk {
  id: string;
  title: string;
  description?: string;
  category?: string;
  owner?: string;
  likelihood?: Rating;
  impact?: Rating;
  treatment?: Treatment;
  treatmentPlan?: string;
  status?: 'open' | 'closed';
  controls?: string[];
  line: number;
}

export interface RiskRegister {
  file: string;
  exists: boolean;
  sha256?: string;
  owner?: string;
  reviewedAt?: string;
  approvedBy?: string;
  risks: Risk[];
}

export type Criticality = 'critical' | 'high' | 'medium' | 'low';

export interface Vendor {
  name: string;
  service?: string;
  criticality: Criticality;
  dataAccess?: string[];
  owner?: string;
  soc2?: { type?: 'type1' | 'type2'; periodEnd?: string; receivedAt?: string; exceptions?: string };
  /** Last vendor security review (YYYY-MM-DD). */
  lastReviewedAt?: string;
  line: number;
}

export interface VendorRegister {
  file: string;
  exists: boolean;
  sha256?: string;
  owner?: string;
  reviewedAt?: string;
  vendors: Vendor[];
}

declare module '../../engine/data-map.js' {
  interface DataMap {
    'docs.policies': PolicyFolder;
    'docs.evidence': EvidenceIndex;
    'docs.risks': RiskRegister;
    'docs.vendors': VendorRegister;
  }
}
