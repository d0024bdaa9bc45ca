import { stopPortal } from './portal';

export default async function globalTeardown() {
  stopPortal((globalThis as { portalPid?: number }).portalPid);
}
