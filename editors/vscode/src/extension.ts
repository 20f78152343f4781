// The zhnews extension: starts the zhnews language server over stdio for plain-text documents,
// mirrors the settings to it, and adds conversion commands and a script indicator.

import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  CodeAction,
  CodeActionRequest,
  CodeActionResolveRequest,
  Command,
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { Discovery, findServer } from './server';
import { CONVERSIONS_BY_TARGET, conversionFor, serverSettings } from './settings';

/** The answer to `zhnews/documentInfo`. */
export interface DocumentInfo {
  version: number;
  script: 'traditional' | 'simplified' | 'mixed' | 'neutral';
  scriptLabel: string;
  isChinese: boolean;
  analysed: boolean;
}

/** A conversion the server offers as a code action. */
export interface Conversion {
  title: string;
  config: string;
  action: CodeAction;
}

/** What the extension returns from `activate`, for tests and other extensions. */
export interface Api {
  client(): LanguageClient | undefined;
  discovery(): Discovery | undefined;
  restart(): Promise<void>;
  documentInfo(document: vscode.TextDocument): Promise<DocumentInfo | undefined>;
  statusBarText(): string | undefined;
  /** How many diagnostic reports (pushed or pulled) arrived for a document. */
  diagnosticReports(uri: vscode.Uri): number;
  conversions(editor: vscode.TextEditor, scope: Scope): Promise<Conversion[]>;
  convert(editor: vscode.TextEditor, scope: Scope, config: string): Promise<boolean>;
  serverSettings(): Record<string, unknown>;
  /** Replaces how links are opened (the rule documentation); returns the previous opener. */
  setExternalOpener(opener: (uri: vscode.Uri) => Thenable<boolean>): (uri: vscode.Uri) => Thenable<boolean>;
}

export type Scope = 'document' | 'selection';

let client: LanguageClient | undefined;
let discovery: Discovery | undefined;
let output: vscode.OutputChannel;
let traceOutput: vscode.OutputChannel;
let statusBar: vscode.StatusBarItem;
let statusTimer: NodeJS.Timeout | undefined;
const reports = new Map<string, number>();

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('zhnews');
}

function currentServerSettings(): Record<string, unknown> {
  const c = config();
  return serverSettings({
    rules: c.get<Record<string, unknown>>('rules'),
    convertTarget: c.get<string | null>('convert.target'),
    convertFavourites: c.get<string[] | null>('convert.favourites'),
    gazetteer: c.get<string | null>('entities.gazetteer'),
    debounceMs: c.get<number | null>('lsp.debounceMs'),
  });
}

function expandPath(p: string): string {
  let expanded = p.startsWith('~/') ? path.join(os.homedir(), p.slice(2)) : p;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!path.isAbsolute(expanded) && folder) {
    expanded = path.join(folder.uri.fsPath, expanded);
  }
  return expanded;
}

type Filter = { language: string; scheme: string } | { scheme: string; pattern: string };

function documentSelector(): Filter[] {
  const selector: Filter[] = [
    { language: 'plaintext', scheme: 'file' },
    { language: 'plaintext', scheme: 'untitled' },
  ];
  for (const pattern of config().get<string[]>('files.include') ?? []) {
    if (pattern) {
      selector.push({ scheme: 'file', pattern });
    }
  }
  return selector;
}

function countReport(uri: string): void {
  reports.set(uri, (reports.get(uri) ?? 0) + 1);
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  discovery = findServer({
    configuredPath: config().get<string>('server.path'),
    extensionPath: context.extensionPath,
    envPath: process.env.PATH,
    platform: process.platform,
    expand: expandPath,
  });
  if (!discovery.command) {
    output.appendLine(`[zhnews] ${discovery.problem}`);
    void vscode.window
      .showErrorMessage(discovery.problem ?? 'zhnews: no server', 'Open Settings', 'Show Output')
      .then((choice) => {
        if (choice === 'Open Settings') {
          void vscode.commands.executeCommand('workbench.action.openSettings', 'zhnews.server.path');
        } else if (choice === 'Show Output') {
          output.show();
        }
      });
    updateStatusBar();
    return;
  }
  output.appendLine(`[zhnews] starting ${discovery.command} serve (${discovery.source})`);
  const env = { ...process.env, ...(config().get<Record<string, string>>('server.extraEnv') ?? {}) };
  const run = { command: discovery.command, args: ['serve'], transport: TransportKind.stdio, options: { env } };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    outputChannel: output,
    traceOutputChannel: traceOutput,
    initializationOptions: currentServerSettings(),
    middleware: {
      workspace: {
        // The server may pull `zhnews` as the TOML-shaped object rather than VS Code's keys.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) {
            return answers;
          }
          return params.items.map((item, i) => (item.section === 'zhnews' ? currentServerSettings() : answers[i]));
        },
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        countReport(uri.toString());
        next(uri, diagnostics);
      },
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        countReport((document instanceof vscode.Uri ? document : document.uri).toString());
        return report;
      },
    },
  };
  client = new LanguageClient('zhnews', 'zhnews', serverOptions, clientOptions);
  client.onDidChangeState((event) => {
    if (event.newState === State.Running) {
      scheduleStatusBar(0);
    } else {
      updateStatusBar();
    }
  });
  try {
    await client.start();
  } catch (err) {
    output.appendLine(`[zhnews] the server did not start: ${err}`);
    void vscode.window.showErrorMessage(`zhnews: the server (${discovery.command}) did not start: ${err}`, 'Show Output').then((c) => {
      if (c) {
        output.show();
      }
    });
  }
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop(5000);
    } catch (err) {
      output.appendLine(`[zhnews] stopping the server: ${err}`);
    }
    await running.dispose();
  }
}

function handled(document: vscode.TextDocument | undefined): boolean {
  return !!document && vscode.languages.match(documentSelector(), document) > 0;
}

async function documentInfo(document: vscode.TextDocument): Promise<DocumentInfo | undefined> {
  if (!client || !client.isRunning() || !handled(document)) {
    return undefined;
  }
  try {
    return await client.sendRequest<DocumentInfo>('zhnews/documentInfo', {
      textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
    });
  } catch {
    // The document may not have reached the server yet; the next update asks again.
    return undefined;
  }
}

const SCRIPT_NAMES: Record<string, string> = {
  traditional: 'Traditional Chinese',
  simplified: 'Simplified Chinese',
  mixed: 'mixed Traditional and Simplified Chinese',
  neutral: 'no script-specific characters',
};

function updateStatusBar(attempt = 0): void {
  void (async () => {
    const editor = vscode.window.activeTextEditor;
    if (!config().get<boolean>('statusBar.enable', true) || !editor || !handled(editor.document)) {
      statusBar.hide();
      return;
    }
    if (client && client.state === State.Starting) {
      statusBar.text = '$(sync~spin) zhnews';
      statusBar.tooltip = 'zhnews: the server is starting';
      statusBar.command = 'zhnews.showOutput';
      statusBar.show();
      return;
    }
    if (!client || !client.isRunning()) {
      statusBar.text = '$(warning) zhnews';
      statusBar.tooltip = discovery?.problem ?? 'zhnews: the server is not running';
      statusBar.command = 'zhnews.showOutput';
      statusBar.show();
      return;
    }
    const info = await documentInfo(editor.document);
    if (!info) {
      // The server may not have the document yet (it opens right after the client starts).
      if (attempt < 20) {
        statusTimer = setTimeout(() => updateStatusBar(attempt + 1), 100 * (attempt + 1));
      }
      return;
    }
    if (editor !== vscode.window.activeTextEditor) {
      return;
    }
    statusBar.text = info.scriptLabel;
    statusBar.tooltip = `zhnews: ${SCRIPT_NAMES[info.script] ?? info.script}. Click to convert.`;
    statusBar.command = 'zhnews.convertDocument';
    statusBar.show();
  })();
}

function scheduleStatusBar(delay: number): void {
  if (statusTimer) {
    clearTimeout(statusTimer);
  }
  statusTimer = setTimeout(() => updateStatusBar(), delay);
}

function fullRange(document: vscode.TextDocument): vscode.Range {
  return document.validateRange(new vscode.Range(0, 0, document.lineCount, 0));
}

async function conversions(editor: vscode.TextEditor, scope: Scope): Promise<Conversion[]> {
  if (!client || !client.isRunning()) {
    return [];
  }
  const document = editor.document;
  const range = scope === 'document' ? fullRange(document) : editor.selection;
  const result = await client.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
    range: client.code2ProtocolConverter.asRange(range),
    context: { diagnostics: [], only: ['refactor.rewrite'], triggerKind: 1 },
  });
  const found: Conversion[] = [];
  for (const item of result ?? []) {
    if (Command.is(item)) {
      continue;
    }
    const conversion = conversionFor(item, scope);
    if (conversion) {
      found.push({ ...conversion, action: item });
    }
  }
  return orderConversions(found);
}

/** The target script's conversions first, then the favourites in their order, then the rest. */
function orderConversions(found: Conversion[]): Conversion[] {
  const target = config().get<string | null>('convert.target');
  const favourites = config().get<string[] | null>('convert.favourites') ?? [];
  const rank = (c: Conversion): number => {
    const targetConfigs = target ? (CONVERSIONS_BY_TARGET[target]?.configs ?? []) : [];
    const t = targetConfigs.indexOf(c.config);
    if (t >= 0) {
      return t;
    }
    const f = favourites.indexOf(c.config);
    return f >= 0 ? 100 + f : 1000;
  };
  return found.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}

async function applyConversion(conversion: Conversion): Promise<boolean> {
  if (!client) {
    return false;
  }
  let action = conversion.action;
  if (!action.edit && !action.command && action.data !== undefined) {
    action = await client.sendRequest(CodeActionResolveRequest.type, action);
  }
  let applied = true;
  if (action.edit) {
    const edit = await client.protocol2CodeConverter.asWorkspaceEdit(action.edit);
    applied = await vscode.workspace.applyEdit(edit);
  }
  if (action.command) {
    await client.sendRequest(ExecuteCommandRequest.type, {
      command: action.command.command,
      arguments: action.command.arguments,
    });
  }
  return applied && (!!action.edit || !!action.command);
}

async function convert(editor: vscode.TextEditor, scope: Scope, config: string): Promise<boolean> {
  const offered = await conversions(editor, scope);
  const conversion = offered.find((c) => c.config === config);
  if (!conversion) {
    return false;
  }
  return applyConversion(conversion);
}

async function convertToTarget(scope: Scope, target: string): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !handled(editor.document)) {
    void vscode.window.showInformationMessage('zhnews: open a plain-text document first.');
    return;
  }
  const { label, configs } = CONVERSIONS_BY_TARGET[target];
  const offered = await conversions(editor, scope);
  const conversion = configs.map((config) => offered.find((c) => c.config === config)).find((c) => c);
  if (!conversion) {
    void vscode.window.showInformationMessage(
      `zhnews offers no conversion of this ${scope} to ${label} (is it already in that script?).`,
    );
    return;
  }
  await applyConversion(conversion);
}

async function pickConversion(scope: Scope): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !handled(editor.document)) {
    void vscode.window.showInformationMessage('zhnews: open a plain-text document first.');
    return;
  }
  if (scope === 'selection' && editor.selection.isEmpty) {
    void vscode.window.showInformationMessage('zhnews: select the text to convert first.');
    return;
  }
  const offered = await conversions(editor, scope);
  if (offered.length === 0) {
    void vscode.window.showInformationMessage(`zhnews offers no conversion for this ${scope}.`);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    offered.map((c) => ({ label: c.title, description: c.config, conversion: c })),
    { placeHolder: `Convert the ${scope} with OpenCC` },
  );
  if (picked) {
    await applyConversion(picked.conversion);
  }
}

/** Opens links outside VS Code; tests replace it to see what would be opened. */
let openExternal: (uri: vscode.Uri) => Thenable<boolean> = (uri) => vscode.env.openExternal(uri);

/** Opens the documentation of the zhnews diagnostic at the cursor and returns its address. */
async function openRuleDocs(): Promise<vscode.Uri | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return undefined;
  }
  const position = editor.selection.active;
  const all = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'zhnews');
  const here = all.filter((d) => d.range.contains(position));
  const candidates = here.length > 0 ? here : all;
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage('zhnews: no zhnews diagnostic in this document.');
    return;
  }
  let diagnostic = candidates[0];
  if (candidates.length > 1) {
    const picked = await vscode.window.showQuickPick(
      candidates.map((d) => ({ label: ruleCode(d) ?? '?', description: d.message, d })),
      { placeHolder: 'Open the documentation of which rule?' },
    );
    if (!picked) {
      return undefined;
    }
    diagnostic = picked.d;
  }
  // zhnews.rules.docsUrl (a newsroom's own copy of the docs) wins over the server's link.
  const base = config().get<string>('rules.docsUrl');
  const rule = ruleCode(diagnostic);
  const code = diagnostic.code;
  let target: vscode.Uri | undefined;
  if (base && rule) {
    target = vscode.Uri.parse(`${base}#${rule}`);
  } else if (code && typeof code === 'object' && 'target' in code) {
    target = code.target;
  }
  if (!target) {
    void vscode.window.showInformationMessage(
      `zhnews: the server gave no documentation link for ${rule ?? 'this diagnostic'}; set zhnews.rules.docsUrl.`,
    );
    return undefined;
  }
  await openExternal(target);
  return target;
}

function ruleCode(d: vscode.Diagnostic): string | undefined {
  const code = d.code;
  if (code === undefined) {
    return undefined;
  }
  return typeof code === 'object' ? String(code.value) : String(code);
}

export async function activate(context: vscode.ExtensionContext): Promise<Api> {
  output = vscode.window.createOutputChannel('zhnews');
  traceOutput = vscode.window.createOutputChannel('zhnews trace');
  statusBar = vscode.window.createStatusBarItem('zhnews.script', vscode.StatusBarAlignment.Right, 100);
  statusBar.name = 'zhnews script';
  context.subscriptions.push(output, traceOutput, statusBar);

  const restart = async (): Promise<void> => {
    await stopClient();
    await startClient(context);
  };
  const register = (command: string, callback: (...args: unknown[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(command, callback));
  };
  register('zhnews.convertDocument', () => pickConversion('document'));
  register('zhnews.convertSelection', () => pickConversion('selection'));
  const targets: [string, string][] = [
    ['Simplified', 'simplified'],
    ['Traditional', 'traditional'],
    ['HongKong', 'hongkong'],
    ['Taiwan', 'taiwan'],
  ];
  for (const [suffix, target] of targets) {
    register(`zhnews.convertDocumentTo${suffix}`, () => convertToTarget('document', target));
    register(`zhnews.convertSelectionTo${suffix}`, () => convertToTarget('selection', target));
  }
  register('zhnews.restartServer', restart);
  register('zhnews.showOutput', () => output.show());
  register('zhnews.openRuleDocs', openRuleDocs);

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => scheduleStatusBar(0)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) {
        scheduleStatusBar(400);
      }
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('zhnews')) {
        return;
      }
      if (
        event.affectsConfiguration('zhnews.server') ||
        event.affectsConfiguration('zhnews.files.include')
      ) {
        await restart();
        return;
      }
      if (client?.isRunning()) {
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: currentServerSettings(),
        });
      }
      scheduleStatusBar(0);
    }),
    { dispose: () => void stopClient() },
  );

  await startClient(context);

  return {
    client: () => client,
    discovery: () => discovery,
    restart,
    documentInfo,
    statusBarText: () => (statusBar.text ? statusBar.text : undefined),
    diagnosticReports: (uri) => reports.get(uri.toString()) ?? 0,
    conversions,
    convert,
    serverSettings: currentServerSettings,
    setExternalOpener: (opener) => {
      const previous = openExternal;
      openExternal = opener;
      return previous;
    },
  };
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
