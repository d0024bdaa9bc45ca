import { ConfigReader } from '@backstage/config';
import { readUserTokenSources } from './readUserTokenSources';

describe('readUserTokenSources', () => {
  it('reads the host of each GitHub and GitLab sign-in environment, with the public hosts as defaults', () => {
    const config = new ConfigReader({
      auth: {
        providers: {
          github: {
            development: { enterpriseInstanceUrl: 'http://127.0.0.1:5180' },
            production: { clientId: 'x' },
          },
          gitlab: {
            development: { audience: 'https://GitLab.Example.com/' },
          },
          guest: {},
        },
      },
    });
    expect(readUserTokenSources(config)).toEqual([
      { provider: 'github', integrationType: 'github', host: '127.0.0.1:5180' },
      { provider: 'github', integrationType: 'github', host: 'github.com' },
      {
        provider: 'gitlab',
        integrationType: 'gitlab',
        host: 'gitlab.example.com',
      },
    ]);
  });

  it('has no source without GitHub or GitLab sign-in', () => {
    expect(readUserTokenSources(new ConfigReader({}))).toEqual([]);
  });
});
