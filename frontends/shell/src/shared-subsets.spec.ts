/**
 * Every name the frontends import from `antd` or `react-router` is in the shared subset the
 * shell provides (frontends/antd-shared.js, frontends/react-router-shared.js). Both are shared
 * through Module Federation, whose consumers do not see the subset's exports when they build:
 * a missing name built without a word and was `undefined` in the browser, crashing its page
 * (`Grid` in the shell's header, `InputNumber` in the admin's survey editor).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const frontends = path.resolve(__dirname, '../..');
const repoRoot = path.resolve(frontends, '..');

/** The names a subset file re-exports: `export { A, B as C } from '…'`. */
function exportedNames(file: string): Set<string> {
  const text = readFileSync(path.join(frontends, file), 'utf8');
  const names = new Set<string>();
  for (const [, list] of text.matchAll(/export\s*\{([^}]*)\}/g))
    for (const item of list!.split(',')) {
      const name = item
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  return names;
}

/** Source files of the browser code: every frontend's src and the packages they import. */
function browserSources(): string[] {
  const roots = readdirSync(frontends, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => path.join(frontends, d.name, 'src'))
    .concat(
      ['ui', 'client', 'auth', 'entry-ui', 'consultation-ui', 'question-ui'].map((p) =>
        path.join(repoRoot, 'packages', p, 'src'),
      ),
    );
  const files: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name)) files.push(full);
    }
  };
  roots.forEach(walk);
  return files;
}

/** `file: name` for each value imported from `module` (type-only imports are erased). */
function importedValues(files: string[], module: string): string[] {
  const pattern = new RegExp(`import\\s+(type\\s+)?\\{([^}]*)\\}\\s+from\\s+'${module}';`, 'g');
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(pattern)].flatMap(([, typeOnly, list]) =>
      typeOnly
        ? []
        : list!
            .split(',')
            .map((item) => item.trim())
            .filter((item) => item !== '' && !item.startsWith('type '))
            .map((item) => `${path.relative(repoRoot, file)}: ${item.split(/\s+as\s+/)[0]}`),
    ),
  );
}

describe('the shared subsets of antd and react-router', () => {
  const sources = browserSources();

  it.each([
    ['antd', 'antd-shared.js'],
    ['react-router', 'react-router-shared.js'],
  ])('hold every name the frontends import from %s', (module, subset) => {
    const shared = exportedNames(subset);
    const imports = importedValues(sources, module);
    expect(imports.length).toBeGreaterThan(10);
    expect(imports.filter((entry) => !shared.has(entry.split(': ')[1]!))).toEqual([]);
  });
});
