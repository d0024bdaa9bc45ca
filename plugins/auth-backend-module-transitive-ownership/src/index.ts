/**
 * Transitive group ownership for every sign-in provider of the auth backend.
 *
 * @packageDocumentation
 */

export { authModuleTransitiveOwnership as default } from './module';
export { authModuleTransitiveOwnership } from './module';
export { readTransitiveOwnershipConfig } from './config/readTransitiveOwnershipConfig';
export type { TransitiveOwnershipConfig } from './config/readTransitiveOwnershipConfig';
export { TransitiveOwnershipResolver } from './resolution/TransitiveOwnershipResolver';
export type { TransitiveOwnershipDeps } from './resolution/TransitiveOwnershipResolver';
