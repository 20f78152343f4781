// Bundles the extension (and the extension-host tests) into single CommonJS files in out/.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const entries = [{ entryPoints: ['src/extension.ts'], outfile: 'out/extension.js' }];
if (!production) {
  entries.push({ entryPoints: ['src/test/index.ts'], outfile: 'out/test/index.js' });
}

for (const entry of entries) {
  const options = { ...common, ...entry };
  if (watch) {
    const context = await esbuild.context(options);
    await context.watch();
  } else {
    await esbuild.build(options);
  }
}
