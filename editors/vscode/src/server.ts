// Finding the zhnews binary: the `zhnews.server.path` setting, else the binary bundled in the
// extension's `server/` folder, else `zhnews` on PATH.

import * as fs from 'fs';
import * as path from 'path';

export interface Discovery {
  /** The binary to run, when one was found. */
  command?: string;
  /** Where it came from, for the log. */
  source?: 'setting' | 'bundled' | 'path';
  /** What went wrong, in a sentence for the user, when nothing was found. */
  problem?: string;
}

export interface DiscoveryInput {
  configuredPath: string | undefined;
  extensionPath: string;
  envPath: string | undefined;
  platform: NodeJS.Platform;
  /** Resolves `~` and workspace-relative paths; the default leaves them as they are. */
  expand?: (p: string) => string;
}

function isExecutable(file: string, platform: NodeJS.Platform): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) {
      return false;
    }
    if (platform === 'win32') {
      return true;
    }
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function binaryName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'zhnews.exe' : 'zhnews';
}

export function findServer(input: DiscoveryInput): Discovery {
  const name = binaryName(input.platform);
  const configured = input.configuredPath?.trim();
  if (configured) {
    const expanded = input.expand ? input.expand(configured) : configured;
    if (isExecutable(expanded, input.platform)) {
      return { command: expanded, source: 'setting' };
    }
    return {
      problem: `zhnews.server.path is set to "${configured}", which is not an executable file. Fix the setting or clear it to use the bundled server or zhnews on PATH.`,
    };
  }
  const bundled = path.join(input.extensionPath, 'server', name);
  if (isExecutable(bundled, input.platform)) {
    return { command: bundled, source: 'bundled' };
  }
  const separator = input.platform === 'win32' ? ';' : ':';
  for (const dir of (input.envPath ?? '').split(separator)) {
    if (!dir) {
      continue;
    }
    const candidate = path.join(dir, name);
    if (isExecutable(candidate, input.platform)) {
      return { command: candidate, source: 'path' };
    }
  }
  return {
    problem:
      'The zhnews language server was not found: it is not bundled with this extension and `zhnews` is not on PATH. Install it (`cargo install --path server/cli` in the zhnews repository) or set zhnews.server.path.',
  };
}
