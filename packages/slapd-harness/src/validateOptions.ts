import { InputError } from '@backstage/errors';
import { StartSlapdOptions } from './types';

/** Rejects option values that cannot work, before anything is started. */
export function validateOptions(options: StartSlapdOptions): void {
  if (!options.suffix?.includes('=')) {
    throw new InputError(`suffix must be a DN such as dc=example,dc=com`);
  }
  const { port, loadWith, sizeLimit } = options;
  if (
    port !== undefined &&
    !(Number.isInteger(port) && port > 0 && port < 65536)
  ) {
    throw new InputError(
      `port must be an integer between 1 and 65535, got ${port}`,
    );
  }
  if (
    loadWith !== undefined &&
    loadWith !== 'ldapadd' &&
    loadWith !== 'slapadd'
  ) {
    throw new InputError(
      `loadWith must be 'ldapadd' or 'slapadd', got ${loadWith}`,
    );
  }
  if (
    typeof sizeLimit === 'number' &&
    !(Number.isInteger(sizeLimit) && sizeLimit > 0)
  ) {
    throw new InputError(`sizeLimit must be a positive integer or 'unlimited'`);
  }
}
