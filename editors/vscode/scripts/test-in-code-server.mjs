// Runs the extension's integration tests in real VS Code (code-server's workbench and extension
// host, driven by headless Chromium through playwright-core), then installs the packaged .vsix
// with the server bundled and saves a screenshot of an article with its outline and a hover.
//
// Environment:
//   ZHNEWS_BIN          the zhnews binary (required)
//   CODE_SERVER         the code-server launcher (scripts/install-code-server.sh prints it)
//   CHROMIUM            default /usr/bin/chromium
//   ZHNEWS_EXPECT       comma-separated features that must be present (hover-entity,
//                       hover-figure, symbols, convert, rules); see src/test/index.ts
//   ZHNEWS_SCREENSHOTS  folder for the PNGs (default out/screenshots)
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const testdata = path.resolve(root, '..', 'testdata');
const givenBin = process.env.ZHNEWS_BIN;
const codeServer = process.env.CODE_SERVER;
const browserPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const screenshots = path.resolve(process.env.ZHNEWS_SCREENSHOTS ?? path.join(root, 'out', 'screenshots'));
const expect = (process.env.ZHNEWS_EXPECT ?? '').split(',').filter(Boolean);
if (!givenBin || !fs.existsSync(givenBin)) throw new Error(`ZHNEWS_BIN must name the zhnews binary (got ${givenBin})`);
if (!codeServer || !fs.existsSync(codeServer)) throw new Error(`CODE_SERVER must name code-server (got ${codeServer})`);

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
const log = (message) => console.log(`[${elapsed()}] ${message}`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhnews-vscode-'));
const children = [];
// A private copy: a shared cargo target folder may get another build of zhnews mid-run.
const bin = path.join(tmp, 'bin', 'zhnews');
fs.mkdirSync(path.dirname(bin));
fs.copyFileSync(givenBin, bin);
fs.chmodSync(bin, 0o755);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function workspace(name, settings) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.mkdirSync(path.join(dir, '.zhnews-test'));
  for (const file of fs.readdirSync(testdata)) {
    // zhnews.toml declares two of the articles as editions of one story ([[editions]]).
    if (file.endsWith('.txt') || file === 'zhnews.toml') fs.copyFileSync(path.join(testdata, file), path.join(dir, file));
  }
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  fs.writeFileSync(path.join(dir, '.zhnews-test', 'config.json'), JSON.stringify({ expect }));
  return dir;
}

function userData(name) {
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'security.workspace.trust.enabled': false,
      'editor.fontFamily': "'WenQuanYi Micro Hei Mono', monospace",
      'editor.fontSize': 15,
      'editor.minimap.enabled': false,
      'editor.wordWrap': 'on',
      'workbench.colorTheme': 'Default Light Modern',
      'chat.commandCenter.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    }),
  );
  return dir;
}

async function startCodeServer(folder, userDataDir, extensionsDir) {
  const port = await freePort();
  const args = [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir, folder,
  ];
  const logFile = fs.openSync(path.join(tmp, `code-server-${port}.log`), 'w');
  const child = spawn(codeServer, args, { detached: true, stdio: ['ignore', logFile, logFile] });
  children.push(child);
  const deadline = Date.now() + 30000;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${tmp}`);
    if (Date.now() > deadline) throw new Error('code-server did not start in 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, child };
}

function stop(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function browser(name) {
  return chromium.launchPersistentContext(path.join(tmp, name), {
    executablePath: browserPath,
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=en-US'],
  });
}

/** Phase 1: the integration tests in the extension host. */
async function integrationTests() {
  const folder = workspace('ws-tests', { 'zhnews.server.path': bin, 'zhnews.lsp.debounceMs': 20 });
  const { port, child } = await startCodeServer(folder, userData('ud-tests'), path.join(tmp, 'ext-tests'));
  log(`code-server listening on ${port}`);
  const context = await browser('browser-tests');
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = (args ?? []).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      if (text.trim() && process.env.ZHNEWS_VERBOSE) console.log(`  [host] ${text}`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(path.join(root, 'out', 'test', 'index.js'))],
    ];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 150000));
    const code = await Promise.race([exited, timeout]);
    const resultsFile = path.join(folder, '.zhnews-test', 'results.json');
    const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : [];
    for (const r of results) {
      console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.ms} ms)`);
      for (const n of r.notes) console.log(`       ${n}`);
      if (!r.ok) console.log(r.error.split('\n').map((l) => `       ${l}`).join('\n'));
    }
    if (code === 'timeout') throw new Error('the extension tests did not finish in 150 s');
    if (results.length === 0) throw new Error(`the extension tests wrote no results (exit ${code})`);
    if (code !== 0 || results.some((r) => !r.ok)) throw new Error(`extension tests failed (exit ${code})`);
    const checked = JSON.parse(fs.readFileSync(path.join(folder, '.zhnews-test', 'checked.json'), 'utf8'));
    log(`${results.length} extension-host tests passed; features checked: ${checked.join(', ') || 'none beyond lifecycle, settings and documentInfo'}`);
    return checked;
  } finally {
    await context.close();
    stop(child);
  }
}

/** Phase 2: the packaged .vsix with the server bundled, installed like a user would, and a screenshot. */
async function screenshotTest(checked) {
  const vsix = path.join(tmp, 'zhnews.vsix');
  execFileSync('node', [path.join(root, 'scripts', 'package.mjs'), '--server', bin, '--strip', '--target', 'linux-x64', '--out', vsix], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const extensionsDir = path.join(tmp, 'ext-vsix');
  execFileSync(codeServer, ['--extensions-dir', extensionsDir, '--user-data-dir', path.join(tmp, 'ud-install'), '--install-extension', vsix], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  log('packaged and installed the .vsix');
  // No zhnews.server.path and no zhnews on PATH: the bundled binary must be found.
  const folder = workspace('ws-screenshot', {});
  const env = { ...process.env, PATH: process.env.PATH.split(':').filter((d) => !fs.existsSync(path.join(d, 'zhnews'))).join(':') };
  const saved = process.env.PATH;
  process.env.PATH = env.PATH;
  const { port, child } = await startCodeServer(folder, userData('ud-shot'), extensionsDir);
  process.env.PATH = saved;
  const context = await browser('browser-shot');
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60000 });
    await page.waitForTimeout(1500);
    const palette = async (text) => {
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type(text);
      await page.waitForTimeout(400);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(400);
    };
    // Open the article from the Explorer.
    await page.getByRole('treeitem', { name: 'hant-apec-visit.txt', exact: true }).dblclick({ timeout: 30000 });
    await page.waitForSelector('.monaco-editor .view-line', { timeout: 20000 });
    // The status bar shows 繁 once the bundled server answers zhnews/documentInfo.
    const status = page.locator('.statusbar-item', { hasText: /^繁$/ });
    await status.first().waitFor({ timeout: 30000 });
    log('status bar shows 繁 (bundled server found and answering)');
    await palette('>Explorer: Focus on Outline View');
    await page.waitForTimeout(1500);
    // Put the cursor on 習近平 in the dateline paragraph (line 4, column 10) and show the hover.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('4:11');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    await palette('>Show or Focus Hover');
    await page.waitForTimeout(1500);
    fs.mkdirSync(screenshots, { recursive: true });
    const file = path.join(screenshots, 'outline-hover.png');
    await page.screenshot({ path: file });
    const outlineRows = await page.locator('.outline-pane .monaco-list-row').allInnerTexts().catch(() => []);
    const hover = await page.locator('.monaco-hover-content').allInnerTexts().catch(() => []);
    const size = fs.statSync(file).size;
    if (size < 20000) throw new Error(`the screenshot is suspiciously small (${size} bytes)`);
    log(`screenshot ${file} (${size} bytes); outline rows: ${JSON.stringify(outlineRows.slice(0, 6))}; hover: ${JSON.stringify(hover.map((h) => h.slice(0, 80)))}`);
    // The status bar item opens the conversion picker (or says there is nothing to convert).
    await page.keyboard.press('Escape');
    await status.first().click();
    if (checked.includes('convert')) {
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: '(t2s)' });
      await row.first().waitFor({ timeout: 10000 });
      log(`the status bar opened the conversion picker: ${JSON.stringify(await page.locator('.quick-input-widget .monaco-list-row').allInnerTexts())}`);
      await page.keyboard.press('Escape');
    } else {
      await page.locator('.notifications-toasts', { hasText: 'zhnews offers no conversion for this document' }).first().waitFor({ timeout: 10000 });
      log('the status bar item answered that no conversion is offered (the server has none yet)');
    }
    return { outlineRows, hover, file };
  } catch (err) {
    fs.mkdirSync(screenshots, { recursive: true });
    const page = context.pages()[0];
    if (page) await page.screenshot({ path: path.join(screenshots, 'failure.png') }).catch(() => {});
    throw err;
  } finally {
    await context.close();
    stop(child);
  }
}

let failed = false;
try {
  log('building the extension');
  execFileSync('node', ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  const checked = await integrationTests();
  const shot = await screenshotTest(checked);
  // What the extension host saw, the user must see too.
  if (checked.includes('symbols') && !shot.outlineRows.some((r) => r.includes('習近平出席'))) {
    throw new Error(`the Outline view does not show the headline: ${JSON.stringify(shot.outlineRows)}`);
  }
  if (checked.includes('hover-entity') && !shot.hover.some((h) => h.includes('习近平'))) {
    throw new Error(`the hover on 習近平 does not show in the workbench: ${JSON.stringify(shot.hover)}`);
  }
} catch (err) {
  failed = true;
  console.error(`[${elapsed()}] ${err.stack ?? err}`);
  console.error(`logs in ${tmp}`);
} finally {
  for (const child of children) stop(child);
}
log(failed ? 'FAILED' : 'all VS Code tests passed');
if (!failed && !process.env.ZHNEWS_KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
