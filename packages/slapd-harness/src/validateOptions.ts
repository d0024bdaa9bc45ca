import { InputError } from '@backstage/errors';
import { StartSlapdOptions } from './types';

/** Rejects option values that cannot work, before anything is started. */
export function validateOptions(options: StartSlapdOptions): void {
  if (!options.suffix?.includes('=')) {
    throw new InputError(`suffix must be a DN such as dc=example,dc=com`);
  }
  const { port, loadWith, sizeLimit } = options;
  const ldapsPort =
    typeof options.tls === 'object' ? options.tls.ldapsPort : undefined;
  for (const [name, value] of [
    ['port', port],
    ['tls.ldapsPort', ldapsPort],
  ] as const) {
    if (
      value !== undefined &&
      !(Number.isInteger(value) && value > 0 && value < 65536)
    ) {
      throw new InputError(
        `${name} must be an integer between 1 and 65535, got ${value}`,
      );
    }
  }
  if (port !== undefined && port === ldapsPort) {
    throw new InputError(
      `port and tls.ldapsPort must differ, both are ${port}`,
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
