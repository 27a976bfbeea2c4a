// What ships is a runtime dependency, and only what ships: `npm install --omit=dev` must give a tree the extension's
// code can be built against, and a runtime dependency that nothing ships is a dev dependency in disguise.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/** The folders whose code goes into the extension (the CLI bundles its own, lib/ included, into dist/). */
const SHIPPED = ['entrypoints', 'adapters', 'components', 'lib'];
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

/** "preact/hooks" → "preact", "@wxt-dev/storage/x" → "@wxt-dev/storage". */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

function shippedPackages(): Set<string> {
  const found = new Set<string>();
  for (const file of SHIPPED.flatMap(sources)) {
    // Types do not ship: \`import type …\` statements and \`typeof import('…')\` are left out.
    const code = readFileSync(file, 'utf8')
      .replace(/^import type [^;]*;/gm, '')
      .replace(/typeof import\(/g, '');
    // `from '…'`, `import '…'` and `import('…')`; not words in strings such as 'history/import'.
    const imports = code.matchAll(/(?<![\w/'-])(?:from\s+|import\s*\(?\s*)'([^'.][^']*)'/g);
    for (const [, specifier] of imports) if (specifier && !specifier.startsWith('node:')) found.add(packageOf(specifier));
    // JSX compiles to imports of preact's runtime.
    if (file.endsWith('.tsx')) found.add('preact');
  }
  // `wxt/browser` is the polyfill, through WXT's module (wxt.config.ts).
  if (found.has('wxt')) found.add('webextension-polyfill');
  // WXT itself is the build: what of it ships is `defineBackground` and its kin, a few lines each.
  found.delete('wxt');
  return found;
}

describe('runtime dependencies', () => {
  test('every package the extension ships is in "dependencies"', () => {
    const missing = [...shippedPackages()].filter((name) => !(name in pkg.dependencies));
    expect(missing).toEqual([]);
  });

  test('every package in "dependencies" ships', () => {
    const shipped = shippedPackages();
    expect(Object.keys(pkg.dependencies).filter((name) => !shipped.has(name))).toEqual([]);
  });

  test('no package is both', () => {
    expect(Object.keys(pkg.dependencies).filter((name) => name in pkg.devDependencies)).toEqual([]);
  });
});
