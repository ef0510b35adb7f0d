// A map that forgets its least recently used entries once it holds more than maxBytes (by the
// sizes given to set) or more than maxEntries.
export class LruStore {
  constructor({ maxBytes = Infinity, maxEntries = Infinity }) {
    this.maxBytes = maxBytes;
    this.maxEntries = maxEntries;
    this.bytes = 0;
    /** @type {Map<string, { value: unknown, size: number }>} */
    this.map = new Map();
  }

  get(key) {
    const item = this.map.get(key);
    if (!item) return undefined;
    // Map keeps insertion order: moving the key to the end marks it as recently used.
    this.map.delete(key);
    this.map.set(key, item);
    return item.value;
  }

  /** The value without marking it as used. */
  peek(key) {
    return this.map.get(key)?.value;
  }

  set(key, value, size) {
    this.delete(key);
    if (size > this.maxBytes) return;
    this.map.set(key, { value, size });
    this.bytes += size;
    while (this.bytes > this.maxBytes || this.map.size > this.maxEntries) {
      const oldest = this.map.keys().next().value;
      this.delete(oldest);
    }
  }

  delete(key) {
    const item = this.map.get(key);
    if (!item) return;
    this.map.delete(key);
    this.bytes -= item.size;
  }

  get size() {
    return this.map.size;
  }
}
