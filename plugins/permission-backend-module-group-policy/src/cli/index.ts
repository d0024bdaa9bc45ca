/* eslint-disable no-console */
// The policy CLI: `yarn policy <test|lint|explain> …` (see the module README).
import { ConfigSources } from '@backstage/config-loader';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readGroupPolicyConfig } from '../config/readGroupPolicyConfig';
import { PolicyEngine } from '../engine/PolicyEngine';
import { Explainer } from '../explain/Explainer';
import { lintPolicy } from '../lint/lintPolicy';
import { parseExpectations, runExpectations } from '../lint/runExpectations';
import { BUILT_IN_PERMISSIONS } from '../permissions/PermissionDirectory';
import { loadOrg } from './loadOrg';

const USAGE = `Usage:
  yarn policy test    --config <app-config.yaml>... --org <portal URL | snapshot.json | entities.yaml> [--token T] <expectations.txt>
  yarn policy lint    --config <app-config.yaml>... [--org …] [--token T]
  yarn policy explain --config <app-config.yaml>... --org … [--token T] <user> <permission>

Expectations: one "<user> ALLOW|DENY|CONDITIONAL <permission>" per line, "#" comments.
A user is "alice" (user:default/alice), a full entity ref, or service:plugin:<id> / service:<subject>.`;

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string', multiple: true },
      org: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const [command, ...rest] = positionals;
  if (
    values.help ||
    !command ||
    !['test', 'lint', 'explain'].includes(command)
  ) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  if (!values.config?.length)
    throw new Error(
      '--config is required (the app-config files that hold permission.groupPolicy)',
    );

  const source = ConfigSources.default({
    argv: values.config.flatMap(path => ['--config', path]),
    rootDir: process.cwd(),
    watch: false,
  });
  const config = await ConfigSources.toConfig(source);
  const policyConfig = readGroupPolicyConfig(config);
  config.close();
  const engine = new PolicyEngine(policyConfig);
  const token = values.token ?? process.env.BACKSTAGE_TOKEN;
  const graph = values.org
    ? await loadOrg(values.org, {
        token,
        rolesAnnotation: policyConfig.catalogRolesAnnotation,
      })
    : undefined;
  const org = graph
    ? `; org: ${graph.users.size} users, ${graph.groups.size} groups`
    : '';
  console.log(
    `policy ${policyConfig.version}: ${policyConfig.roles.size} roles, ${policyConfig.bindings.length} bindings${org}`,
  );

  if (command === 'lint') {
    const findings = lintPolicy(engine.policy, BUILT_IN_PERMISSIONS, graph);
    for (const f of findings)
      console.log(`${f.severity.padEnd(7)} ${f.at}: ${f.message}`);
    const errors = findings.filter(f => f.severity === 'error').length;
    console.log(`${errors} errors, ${findings.length - errors} warnings`);
    return errors ? 1 : 0;
  }
  if (!graph) throw new Error(`--org is required for ${command}`);

  if (command === 'explain') {
    const [user, name] = rest;
    const permission = BUILT_IN_PERMISSIONS.find(p => p.name === name);
    if (!user || !permission)
      throw new Error(
        `explain needs <user> and a known <permission>, got ${rest.join(' ')}`,
      );
    const ref = user.includes(':') ? user : `user:default/${user}`;
    console.log(
      JSON.stringify(
        new Explainer(engine).explain(ref, permission, graph),
        null,
        2,
      ),
    );
    return 0;
  }

  const file = rest[0];
  if (!file) throw new Error('test needs an expectations file');
  const results = runExpectations(
    parseExpectations(readFileSync(file, 'utf8')),
    engine,
    graph,
    BUILT_IN_PERMISSIONS,
  );
  for (const r of results) {
    const verdict = r.passed ? 'pass' : 'FAIL';
    const detail = r.passed
      ? ''
      : `\n       got ${r.actual ?? 'no decision'}: ${r.reason}`;
    console.log(
      `${verdict} ${file}:${r.line} ${r.principal} ${r.expected} ${r.permission}${detail}`,
    );
  }
  const failed = results.filter(r => !r.passed).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  code => process.exit(code),
  error => {
    console.error(`policy: ${error.message}`);
    process.exit(2);
  },
);
