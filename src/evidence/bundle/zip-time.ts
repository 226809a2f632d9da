/**
 * A Date whose local-time getters return its UTC fields. yazl encodes the DOS timestamp of an entry
 * from local-time getters, so a plain Date would give a zip that depends on the TZ of the machine;
 * this one stores the UTC wall-clock time everywhere.
 */
class UtcFieldsDate extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
}

// A day inside the range on both ends, so that yazl never clamps (it clamps against local time).
const DOS_EPOCH = Date.UTC(1980, 0, 2);
const DOS_END = Date.UTC(2107, 11, 30);

/** The timestamp every entry of a bundle carries: the scan time in UTC, within the DOS range. */
export function zipEntryTime(iso: string | undefined): Date {
  const ms = iso ? Date.parse(iso) : NaN;
  const clamped = Number.isNaN(ms) ? DOS_EPOCH : Math.min(Math.max(ms, DOS_EPOCH), DOS_END);
  return new UtcFieldsDate(clamped);
}
