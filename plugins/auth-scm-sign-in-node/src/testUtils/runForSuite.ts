/**
 * Starts a server (e.g. an SCM stand-in) before the tests of the file and
 * stops it after them; call at the top level of a test file. Returns the
 * running server, available inside the tests.
 */
export function runForSuite<T extends { stop(): Promise<void> }>(
  start: () => Promise<T>,
): () => T {
  let running: T | undefined;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(async () => {
    await running?.stop();
  });
  return () => {
    if (!running) {
      throw new Error('The server of the suite is not running');
    }
    return running;
  };
}
