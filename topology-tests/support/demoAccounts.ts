import { loadDemoOrg } from '@internal/demo-org';

/** Demo accounts (uid → password) from the fixture that seeds the directory. */
export function demoPassword(uid: string): string {
  const person = loadDemoOrg().people.find(p => p.ldap.uid === uid);
  if (!person) throw new Error(`no demo person ${uid}`);
  return person.ldap.password;
}

/** The Users and Groups that org sync writes from the demo directory (enabled people, every team). */
export function demoOrgSize() {
  const org = loadDemoOrg();
  return {
    users: org.people.filter(person => !person.disabled).length,
    groups: org.teams.length,
  };
}
