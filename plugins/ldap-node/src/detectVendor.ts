import type { LdapVendor } from './types';
import type { LdapClient } from './client';

/**
 * Reads the RootDSE and tells Active Directory (which publishes
 * `forestFunctionality`) from everything else, which is treated as OpenLDAP.
 */
export async function detectVendor(client: LdapClient): Promise<LdapVendor> {
  const { searchEntries } = await client.search('', {
    scope: 'base',
    filter: '(objectClass=*)',
    attributes: ['forestFunctionality'],
  });
  const root = searchEntries[0];
  if (root) {
    for (const type of Object.keys(root)) {
      const value = root[type];
      const present = Array.isArray(value) ? value.length > 0 : !!value;
      if (type.toLowerCase() === 'forestfunctionality' && present) {
        return 'activedirectory';
      }
    }
  }
  return 'openldap';
}
