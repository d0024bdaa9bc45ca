import { startPortal } from './portal';

export default async function globalSetup() {
  const portal = await startPortal();
  (globalThis as { portalPid?: number }).portalPid = portal.pid;
}
