import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

describe('cli demo', () => {
  it('prints the ready lines of both stand-ins and serves the demo org until killed', async () => {
    const child = spawn(
      process.execPath,
      [
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        'packages/scm-standins/src/cli.ts',
        'demo',
        '--github-port',
        '0',
        '--gitlab-port',
        '0',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const urls = await new Promise<Record<string, string>>((done, failed) => {
        let output = '';
        child.stdout.on('data', chunk => {
          output += chunk;
          const found = Object.fromEntries(
            [...output.matchAll(/^(github|gitlab) ready (\S+)$/gm)].map(m => [
              m[1],
              m[2],
            ]),
          );
          if (found.github && found.gitlab) {
            done(found);
          }
        });
        child.stderr.on('data', chunk => {
          output += chunk;
        });
        child.on('exit', code =>
          failed(new Error(`exited with ${code}: ${output}`)),
        );
      });
      const user = await fetch(`${urls.github}/api/v3/user`, {
        headers: { authorization: 'token demo-github-token' },
      });
      expect((await user.json()).login).toBe('zoe-hoffmann');
      const group = await fetch(`${urls.gitlab}/api/v4/groups/example-corp`, {
        headers: { 'private-token': 'demo-gitlab-token' },
      });
      expect((await group.json()).full_path).toBe('example-corp');
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise(done => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
    }
  }, 30_000);
});
