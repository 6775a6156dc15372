import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

const WIDTH = 30;
const n = (x: number) => x.toLocaleString('en-GB');

/**
 * A file read for an import, with a progress bar on stderr: the share of the file's bytes read and
 * the rows written so far. On a terminal it redraws one line; piped to a log it prints only now and
 * then, so a log of a long import stays short.
 */
export async function fileWithProgress(path: string, out: NodeJS.WriteStream = process.stderr) {
  const total = (await stat(path)).size;
  let bytes = 0;
  let rows = 0;
  let printed = { tenth: -1, rows: 0, at: 0, line: '' };
  const draw = (final = false) => {
    const share = total ? Math.min(1, bytes / total) : 1;
    const filled = Math.round(share * WIDTH);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}%`;
    // A dry run writes nothing, so it shows only how far through the file the check is.
    const line = rows ? `${bar}  ${n(rows)} rows written` : bar;
    if (out.isTTY) {
      out.write(`\r${line}${final ? '\n' : ''}`);
      return;
    }
    // Piped to a log: a line at each tenth of the file, when writing starts, then at most one a second.
    const tenth = Math.floor(share * 10);
    const now = Date.now();
    const due =
      tenth > printed.tenth ||
      (rows > 0 && printed.rows === 0) ||
      (rows !== printed.rows && now - printed.at >= 1000) ||
      (final && line !== printed.line);
    if (!due) return;
    printed = { tenth, rows, at: now, line };
    out.write(`${line}\n`);
  };
  async function* chunks(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      draw();
      yield chunk;
    }
  }
  return {
    chunks: chunks(),
    /** The importer reports rows as it writes them. */
    rows: (count: number) => {
      rows = count;
      draw();
    },
    done: () => {
      bytes = total;
      draw(true);
    },
  };
}
