import { Client, ClientOptions } from 'ldapts';

/** The part of the ldapts client this source uses (tests pass fakes). */
export type LdapClient = Pick<
  Client,
  'bind' | 'unbind' | 'startTLS' | 'search' | 'searchPaginated'
>;

/** Creates a client for one URL. */
export type CreateLdapClient = (options: ClientOptions) => LdapClient;

/** The real ldapts client. */
export const createLdaptsClient: CreateLdapClient = options =>
  new Client(options);
