import { valueOf, type ResourceLocator } from '../../engine/audit-scope.js';
import type { GoogleUser } from './data.js';

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/**
 * The org unit a finding is about: the one its details name (policies), else that of the Workspace
 * user whose primary email appears in its resource, whichever system the finding is from.
 */
export const googleLocator: ResourceLocator = {
  keys: ['google.users'],
  dimensions: ['orgUnit'],
  locate(data) {
    const units = new Map(
      (valueOf<GoogleUser[]>(data, 'google.users') ?? []).map((u) => [
        u.primaryEmail.toLowerCase(),
        u.orgUnitPath,
      ]),
    );
    return (finding) => {
      const details = finding.details ?? {};
      const named = [details.orgUnit, details.orgUnitPath].find((v): v is string => typeof v === 'string');
      const email = EMAIL.exec(finding.resource)?.[0].toLowerCase();
      const orgUnit = named ?? (email ? units.get(email) : undefined);
      return orgUnit ? { orgUnit } : {};
    };
  },
};
