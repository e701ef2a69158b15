// Web storage can be missing or throw (private browsing, storage disabled by policy); what is kept
// there are conveniences, so failures are ignored.

type Area = 'local' | 'session';

function storage(area: Area): Storage {
  return area === 'local' ? window.localStorage : window.sessionStorage;
}

/**
 * Read a stored value, or `null` when there is none or storage is unavailable. `local` (the
 * default) is kept on this device; `session` only as long as this tab.
 */
export function readStored(key: string, area: Area = 'local'): string | null {
  try {
    return storage(area).getItem(key);
  } catch {
    return null;
  }
}

/** Store a value (`null` removes it); silently does nothing when storage is unavailable. */
export function writeStored(key: string, value: string | null, area: Area = 'local'): void {
  try {
    if (value === null) storage(area).removeItem(key);
    else storage(area).setItem(key, value);
  } catch {
    // Ignored: see above.
  }
}
