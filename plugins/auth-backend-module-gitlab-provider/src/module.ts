import { createScmProviderModule } from '@identity-portal/plugin-auth-scm-sign-in-node';
import { gitlabProvider } from './factory';

/**
 * Adds the `gitlab` sign-in provider (gitlab.com and self-managed GitLab
 * through `audience`) to the auth backend: upstream's GitLab authenticator, the
 * stable-id and verified-email resolvers, one warn line per refused
 * sign-in. Config: `auth.providers.gitlab.<env>`.
 *
 * @public
 */
export const authModuleGitlabProvider = createScmProviderModule({
  moduleId: 'gitlab-provider',
  providerId: 'gitlab',
  provider: gitlabProvider,
});
