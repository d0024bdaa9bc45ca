/*
 * The permission benchmark. From the repository root:
 *
 *   yarn bench:permission [--skip-peer --users 10000 --groups 2000 …]
 *
 * (= node --require @backstage/cli/config/nodeTransform.cjs
 *      packages/permission-bench/src/cli.ts …)
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
      `permission benchmark failed: ${(error as Error)?.stack ?? error}\n`,
    );
    process.exitCode = 1;
  },
);
