// How a JustClick client test gets hold of the error a call ends with, to assert on its kind and message.
import { JustClickError } from '../../src/justclick/errors.js';

/** The JustClickError `run` rejects with; fails the test if it resolves or throws anything else. */
export async function failure(run: () => Promise<unknown>): Promise<JustClickError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof JustClickError) return error;
    throw error;
  }
  throw new Error('expected a JustClickError');
}
