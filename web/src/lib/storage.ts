// localStorage can be missing or throw (private browsing, storage disabled by policy); the UI
// settings kept there are conveniences, so failures are ignored.

/** Read a stored setting, or `null` when there is none or storage is unavailable. */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Store a setting on this device; silently does nothing when storage is unavailable. */
export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Ignored: see above.
  }
}
