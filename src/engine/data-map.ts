/**
 * The shape of every data key a collector can produce. Each provider augments this interface
 * from its own `src/collectors/<provider>/data.ts`:
 *
 *   declare module '../../engine/data-map.js' {
 *     interface DataMap { 'aws.iam.credentialReport': CredentialReportRow[] }
 *   }
 *
 * Keys are `<provider>.<name>`; the prefix decides which provider collects them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DataMap {}

export type DataKey = keyof DataMap & string;

export function providerOfKey(key: string): string {
  const dot = key.indexOf('.');
  return dot === -1 ? key : key.slice(0, dot);
}

/** The data a check or collector declared, typed from DataMap where the key is known. */
export type DataOf<K extends string> = { readonly [P in K]: P extends keyof DataMap ? DataMap[P] : unknown };
