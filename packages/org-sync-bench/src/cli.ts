/*
 * The org sync benchmark. From the repository root:
 *
 *   yarn bench:org-sync [--people 20000 --groups 2000 --runs 3 --out FILE]
 *
 * (= node --require @backstage/cli/config/nodeTransform.cjs
 *      packages/org-sync-bench/src/cli.ts …)
 */
import { parseBenchArgs, USAGE } from './args';
import { runBench } from './bench';

async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  return runBench(options);
}

main(process.argv.slice(2)).then(
  code => {
    process.exitCode = code;
  },
  error => {
    process.stderr.write(
      `org sync benchmark failed: ${(error as Error)?.stack ?? error}\n`,
    );
    process.exitCode = 1;
  },
);
