// Sums every test layer into one table and one closing line "N passed, N failed[, N skipped]".
// Jest reports (unit, integration, topology, e2e) count their tests; every other check counts as one.
// Integration tests are the files named *.integration.test.ts (they talk to real servers).
import fs from 'node:fs';
import path from 'node:path';

const resultsDir = process.argv[2];
const layers = new Map();
const add = (layer, key, n = 1) => {
  const row = layers.get(layer) ?? { passed: 0, failed: 0, skipped: 0 };
  row[key] += n;
  layers.set(layer, row);
};

// Adds a Jest JSON report to the table; returns how many failures it held, or undefined without a report.
function readJestReport(file, layerOf) {
  if (!fs.existsSync(file)) return undefined;
  let failures = 0;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const suite of report.testResults) {
    const layer = layerOf(suite.name);
    if (suite.assertionResults.length === 0 && suite.status === 'failed') {
      add(layer, 'failed'); // a suite that failed before running any test
      failures += 1;
    }
    for (const test of suite.assertionResults) {
      const key =
        { passed: 'passed', failed: 'failed' }[test.status] ?? 'skipped';
      add(layer, key);
      if (key === 'failed') failures += 1;
    }
  }
  return failures;
}

// A Jest run that failed without a failing test (e.g. a coverage or setup error) still counts as a failure.
function addJestLayer(file, passed, fallbackLayer, layerOf) {
  const failures = readJestReport(file, layerOf);
  if (failures === undefined) return false;
  if (!passed && failures === 0) add(fallbackLayer, 'failed');
  return true;
}

const jestFile = path.join(resultsDir, 'jest.json');
const e2eFile = path.join(resultsDir, 'e2e.json');
const topologyFile = path.join(resultsDir, 'topology.json');
const checksDir = path.join(resultsDir, 'checks');
for (const entry of fs
  .readdirSync(checksDir)
  .filter(f => f.endsWith('.status'))
  .sort()) {
  const name = entry.replace(/\.status$/, '');
  const passed =
    fs.readFileSync(path.join(checksDir, entry), 'utf8').trim() === 'pass';
  const layerOfTestFile = f =>
    /\.integration\.test\./.test(f) ? 'integration' : 'unit';
  if (
    name === 'jest' &&
    addJestLayer(jestFile, passed, 'unit', layerOfTestFile)
  )
    continue;
  if (name === 'e2e' && addJestLayer(e2eFile, passed, 'e2e', () => 'e2e'))
    continue;
  if (
    name === 'topology' &&
    addJestLayer(topologyFile, passed, 'topology', () => 'topology')
  )
    continue;
  add(`check:${name}`, passed ? 'passed' : 'failed');
}

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\nlayer                passed  failed  skipped');
for (const [layer, row] of layers) {
  console.log(
    `${layer.padEnd(20)} ${String(row.passed).padStart(6)}  ${String(
      row.failed,
    ).padStart(6)}  ${String(row.skipped).padStart(7)}`,
  );
  for (const k of Object.keys(total)) total[k] += row[k];
}
const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
process.exitCode = total.failed > 0 || total.passed === 0 ? 1 : 0;
