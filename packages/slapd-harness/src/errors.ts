import { CustomErrorBase } from '@backstage/errors';

/** The message used when the OpenLDAP binaries cannot be found. */
export const SLAPD_NOT_INSTALLED_MESSAGE =
  'slapd is not installed: run `apt-get install slapd ldap-utils` (as root)';

/** An OpenLDAP binary the harness needs is missing or not executable. */
export class SlapdNotInstalledError extends CustomErrorBase {
  name = 'SlapdNotInstalledError' as const;
}

/** slapd or one of the OpenLDAP tools failed. */
export class SlapdError extends CustomErrorBase {
  name = 'SlapdError' as const;
}
