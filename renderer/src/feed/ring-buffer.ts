/**
 * A bounded FIFO by count and by bytes (docs/architecture.md, "The path of one event"): pushing past either bound evicts the
 * oldest items. Deliberately not reactive — Vue would wrap every event in a proxy; the view
 * bumps one counter per animation frame instead.
 */
export class RingBuffer<T> {
  private items: Array<T | undefined>;
  private sizes: Float64Array;
  private start = 0;
  private count = 0;
  private bytes = 0;
  /** Items evicted to stay within the bounds, since creation. */
  evicted = 0;

  constructor(
    readonly maxItems: number,
    readonly maxBytes: number,
  ) {
    if (maxItems < 1) throw new RangeError('maxItems must be at least 1');
    this.items = new Array<T | undefined>(maxItems);
    this.sizes = new Float64Array(maxItems);
  }

  get length(): number {
    return this.count;
  }

  get sizeBytes(): number {
    return this.bytes;
  }

  push(item: T, sizeBytes: number): void {
    if (this.count === this.maxItems) this.evictOldest();
    const index = (this.start + this.count) % this.maxItems;
    this.items[index] = item;
    this.sizes[index] = sizeBytes;
    this.count += 1;
    this.bytes += sizeBytes;
    // Keep at least the newest item, even when it alone exceeds the byte bound.
    while (this.bytes > this.maxBytes && this.count > 1) this.evictOldest();
  }

  /** The i-th retained item, 0 being the oldest. */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return this.items[(this.start + index) % this.maxItems];
  }

  last(): T | undefined {
    return this.at(this.count - 1);
  }

  clear(): void {
    this.items = new Array<T | undefined>(this.maxItems);
    this.start = 0;
    this.count = 0;
    this.bytes = 0;
  }

  private evictOldest(): void {
    this.bytes -= this.sizes[this.start]!;
    this.items[this.start] = undefined;
    this.start = (this.start + 1) % this.maxItems;
    this.count -= 1;
    this.evicted += 1;
  }
}
