/**
 * CSV lines for COPY gathered as bytes in one buffer that is reused batch after batch. Keeping a
 * million short-lived line strings alive until their batch is sent got them promoted to V8's old
 * generation, which the heap then grew to hold (a million-row import peaked at 640 MB RSS with
 * under 60 MB live); written straight into a reused buffer, a line is garbage the moment it is
 * copied, and the young generation collects it.
 */
export class LineBuffer {
  private buf: Buffer<ArrayBuffer> = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  lines = 0;

  /** Appends one line (already ending in a newline); lines are ASCII (uuids, numbers, commas). */
  append(line: string): void {
    if (this.used + line.length > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + line.length));
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    this.used += this.buf.write(line, this.used, 'latin1');
    this.lines += 1;
  }

  /** The bytes gathered so far: a view, valid until the next `reset`. */
  bytes(): Buffer<ArrayBuffer> {
    return this.buf.subarray(0, this.used);
  }

  reset(): void {
    this.used = 0;
    this.lines = 0;
  }
}
