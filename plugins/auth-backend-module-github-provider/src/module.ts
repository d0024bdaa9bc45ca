import { createScmProviderModule } from '@identity-portal/plugin-auth-scm-sign-in-node';
import { githubProvider } from './factory';

/**
 * Adds the `github` sign-in provider (github.com and GitHub Enterprise
 * Server) to the auth backend: upstream's GitHub authenticator, the
 * stable-id and verified-email resolvers, one warn line per refused
 * sign-in. Config: `auth.providers.github.<env>`.
 *
 * @public
 */
export const authModuleGithubProvider = createScmProviderModule({
  moduleId: 'github-provider',
  providerId: 'github',
  provider: githubProvider,
});
