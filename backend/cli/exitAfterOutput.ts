/**
 * Ends the process once everything written to stdout and stderr has been handed to them. On Linux,
 * writes to a pipe are asynchronous (https://nodejs.org/api/process.html#a-note-on-process-io): a plain
 * process.exit() drops what is still queued when the reader is slower than the program, such as the
 * end of a collector dry run's NDJSON piped into gzip, or the last log lines of a collector pod. A reader that
 * never reads keeps the process waiting, as for any program writing to a pipe.
 */
export async function exitAfterOutput(code: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

/** Resolves when every write queued before it is done (or the stream has failed or closed). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable || stream.writableLength === 0) {
      resolve();
      return;
    }
    stream.once('error', () => resolve());
    stream.write('', () => resolve());
  });
}
