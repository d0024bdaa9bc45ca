/** The demo PATs of both stand-ins expire this many days after the fixture is built. */
export const DEMO_TOKEN_LIFETIME_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a demo PAT built now expires: far enough ahead for a healthy demo. */
export function demoTokenExpiry(now = Date.now()): Date {
  return new Date(now + DEMO_TOKEN_LIFETIME_DAYS * DAY_MS);
}
