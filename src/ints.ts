/** A growing list of 32-bit integers in one typed array: no boxed numbers and nothing for the collector to walk. */
export class Int32List {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(Math.max(16, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  at(i: number): number {
    return this.data[i]!;
  }

  /** The values pushed so far (a view: later pushes may not show in it). */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
