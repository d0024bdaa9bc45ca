import { useCallback, useEffect, useState } from 'react';
import type { ScmIntegrationsApi } from '../api/ScmIntegrationsClient';
import type { HealthReport } from '@identity-portal/plugin-scm-integrations-common';

type State = {
  report?: HealthReport;
  /** Loading the first report failed. */
  error?: Error;
  /** The last "Check now" failed; the previous report stays shown. */
  checkError?: Error;
  checking: boolean;
};

/** Loads the stored report once, and replaces it with a fresh one on `checkNow()`. */
export function useHealthReport(api: ScmIntegrationsApi) {
  const [state, setState] = useState<State>({ checking: false });

  useEffect(() => {
    let current = true;
    api.getHealth().then(
      report => current && setState(s => ({ ...s, report })),
      error => current && setState(s => ({ ...s, error })),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const checkNow = useCallback(() => {
    setState(s => ({ ...s, checking: true, checkError: undefined }));
    api.checkHealth().then(
      report =>
        setState(s => ({ ...s, report, error: undefined, checking: false })),
      checkError => setState(s => ({ ...s, checkError, checking: false })),
    );
  }, [api]);

  return {
    ...state,
    loading: !state.report && !state.error,
    checkNow,
  };
}
