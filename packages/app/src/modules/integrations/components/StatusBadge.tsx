import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type { CredentialStatus } from '@identity-portal/plugin-scm-integrations-common';

/** A status as a coloured dot and a word, so that it reads without colour too. */
export function StatusBadge({ status }: { status: CredentialStatus }) {
  switch (status) {
    case 'ok':
      return <StatusOK>OK</StatusOK>;
    case 'warning':
      return <StatusWarning>Warning</StatusWarning>;
    case 'error':
      return <StatusError>Error</StatusError>;
    default:
      return <StatusPending>Not checked</StatusPending>;
  }
}
