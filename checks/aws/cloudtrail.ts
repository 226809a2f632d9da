import type { TrailSelectors } from '../../src/collectors/aws/data.js';
import { sameWord } from './support.js';

/**
 * Which management events a trail's selectors log. Basic selectors: IncludeManagementEvents (default
 * true) with ReadWriteType All, ReadOnly or WriteOnly (default All). Advanced selectors: one with
 * `eventCategory` = Management, narrowed only by `readOnly` (true: reads, false: writes) and
 * `eventSource` NotEquals (excluded sources); any other field narrows it to some events only.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html
 */
export function managementEvents(selectors: TrailSelectors): {
  reads: boolean;
  writes: boolean;
  excluded: string[];
} {
  let reads = false;
  let writes = false;
  const excluded: string[] = [];
  for (const s of selectors.eventSelectors) {
    if (s.includeManagementEvents === false) continue;
    const type = s.readWriteType ?? 'All';
    reads ||= sameWord(type, 'All') || sameWord(type, 'ReadOnly');
    writes ||= sameWord(type, 'All') || sameWord(type, 'WriteOnly');
    excluded.push(...s.excludeManagementEventSources);
  }
  for (const s of selectors.advancedEventSelectors) {
    const fields = s.fieldSelectors;
    const management = fields.some(
      (f) => sameWord(f.field, 'eventCategory') && (f.equals ?? []).some((v) => sameWord(v, 'Management')),
    );
    const narrowed = fields.some(
      (f) =>
        !sameWord(f.field, 'eventCategory') &&
        !sameWord(f.field, 'readOnly') &&
        !(
          sameWord(f.field, 'eventSource') && Object.keys(f).every((k) => k === 'field' || k === 'notEquals')
        ),
    );
    if (!management || narrowed) continue;
    const readOnly = fields.find((f) => sameWord(f.field, 'readOnly'))?.equals;
    reads ||= !readOnly || readOnly.some((v) => sameWord(v, 'true'));
    writes ||= !readOnly || readOnly.some((v) => sameWord(v, 'false'));
    excluded.push(
      ...fields.filter((f) => sameWord(f.field, 'eventSource')).flatMap((f) => f.notEquals ?? []),
    );
  }
  return { reads, writes, excluded };
}
