import { readAhead } from './runDocuments';

/**
 * The page read ahead can fail while the reader still holds the page before it (writing it to
 * Elasticsearch, or never coming back because the reading was given up). That failure belongs to the
 * reader: it surfaces when the reader asks for that page, and is never an unhandled rejection meanwhile.
 */
it('keeps a failing read-ahead page for the reader instead of leaving it unhandled', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    async function* pages() {
      yield 'page 1';
      throw new Error('page 2 failed');
    }
    const reading = readAhead(pages());
    expect(await reading.next()).toEqual({ value: 'page 1', done: false });
    // The reader holds page 1 for a while; page 2 fails meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
    await expect(reading.next()).rejects.toThrow('page 2 failed');
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
