// A test suite that needs php-cli: skipped with the reason printed when PHP is missing, failed under CI=true.
import { describe, it } from 'vitest';
import { phpMissingReason } from './oracle.js';

/**
 * `describe` when PHP is there; otherwise the suite is skipped with the reason printed, except under
 * CI=true where a missing PHP is a failure (the oracle is the point of these tests).
 */
export function describePhp(name: string, body: () => void): void {
  const reason = phpMissingReason();
  if (reason === null) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs php-cli', () => {
        throw new Error(`${reason}; CI=true does not allow skipping`);
      });
    });
  } else {
    console.warn(`[tests] skipped "${name}": ${reason}`);
    describe.skip(name, body);
  }
}
