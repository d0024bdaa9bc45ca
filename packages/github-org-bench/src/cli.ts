/* eslint-disable no-console */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from './args';
import { runBench } from './bench';
import { formatTable } from './report';

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const report = await runBench(args, line =>
    console.error(`[${new Date().toISOString()}] ${line}`),
  );
  console.log(formatTable(report));
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), args.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten to ${out}`);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
