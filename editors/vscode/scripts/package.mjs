// Packages the extension into a .vsix with @vscode/vsce.
//
//   node scripts/package.mjs [--server PATH [--strip]] [--target linux-x64|darwin-arm64|win32-x64|…] [--out FILE]
//
// With --server, the binary is copied into server/ inside the package (one package per
// platform, as harper and typos-lsp publish: `vsce package --target T` for each); without it the
// extension uses zhnews.server.path or `zhnews` on PATH.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const server = option('--server') ?? process.env.ZHNEWS_SERVER_BIN;
const target = option('--target');
const out = option('--out') ?? (target ? `zhnews-${target}.vsix` : 'zhnews.vsix');

const serverDir = path.join(root, 'server');
fs.rmSync(serverDir, { recursive: true, force: true });
if (server) {
  const name = target?.startsWith('win32') ? 'zhnews.exe' : 'zhnews';
  fs.mkdirSync(serverDir);
  fs.copyFileSync(server, path.join(serverDir, name));
  fs.chmodSync(path.join(serverDir, name), 0o755);
  if (args.includes('--strip')) {
    // Debug builds carry ~100 MB of debug info; the tests package one.
    try {
      execFileSync('strip', ['--strip-debug', path.join(serverDir, name)], { stdio: 'ignore' });
    } catch {
      console.error('package: strip failed; bundling the binary as it is');
    }
  }
}
const vsce = path.join(root, 'node_modules', '.bin', 'vsce');
const vsceArgs = ['package', '--no-dependencies', '--allow-missing-repository', '--out', out];
if (target) {
  vsceArgs.push('--target', target);
}
try {
  execFileSync(vsce, vsceArgs, { cwd: root, stdio: 'inherit' });
} finally {
  fs.rmSync(serverDir, { recursive: true, force: true });
}
console.log(path.resolve(root, out));
