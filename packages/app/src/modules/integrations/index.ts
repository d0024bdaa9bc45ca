export { integrationsPlugin } from './plugin';
export { scmIntegrationsHealthReadPermission } from './permissions';
