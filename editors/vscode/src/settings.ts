// The VS Code settings the server reads, as the JSON object that mirrors `zhnews.toml`.
// Only what the user set is sent: `null`/empty settings mean "as `zhnews.toml` says", and the
// server rejects keys it does not know, so nothing is invented here.

/** What `vscode.workspace.getConfiguration('zhnews')` gives, reduced to plain data. */
export interface EditorSettings {
  rules?: Record<string, unknown> | null;
  convertTarget?: string | null;
  convertFavourites?: string[] | null;
  gazetteer?: string | null;
  debounceMs?: number | null;
}

export const RULE_LEVELS = ['off', 'error', 'warning', 'info', 'hint'];

/**
 * `zhnews.convert.target` as the server's `convert.target`: the regional standard of Traditional
 * Chinese that `variant-form` checks against (`tw`, `hk`, `opencc`). Simplified has no standard
 * there and orders the picker only.
 */
const SERVER_TARGETS: Record<string, string> = { traditional: 'opencc', hongkong: 'hk', taiwan: 'tw' };

/** The server configuration for `initializationOptions` and `workspace/didChangeConfiguration`. */
export function serverSettings(settings: EditorSettings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rules: Record<string, string> = {};
  for (const [code, level] of Object.entries(settings.rules ?? {})) {
    if (typeof level === 'string' && RULE_LEVELS.includes(level)) {
      rules[code] = level;
    }
  }
  if (Object.keys(rules).length > 0) {
    out.rules = rules;
  }
  const convert: Record<string, unknown> = {};
  const standard = settings.convertTarget ? SERVER_TARGETS[settings.convertTarget] : undefined;
  if (standard) {
    convert.target = standard;
  }
  if (Array.isArray(settings.convertFavourites)) {
    convert.favourites = settings.convertFavourites;
  }
  if (Object.keys(convert).length > 0) {
    out.convert = convert;
  }
  if (settings.gazetteer) {
    out.entities = { gazetteer: settings.gazetteer };
  }
  if (typeof settings.debounceMs === 'number' && settings.debounceMs >= 0) {
    out.lsp = { debounce_ms: Math.floor(settings.debounceMs) };
  }
  return out;
}

/** OpenCC configurations by the script they produce, best first. */
export const CONVERSIONS_BY_TARGET: Record<string, { label: string; configs: string[] }> = {
  simplified: { label: 'Simplified Chinese', configs: ['t2s', 'hk2s', 'tw2s', 'tw2sp'] },
  traditional: { label: 'Traditional Chinese', configs: ['s2t', 'hk2t', 'tw2t'] },
  hongkong: { label: 'Traditional Chinese (Hong Kong)', configs: ['s2hk', 't2hk'] },
  taiwan: { label: 'Traditional Chinese (Taiwan)', configs: ['s2twp', 's2tw', 't2tw'] },
};

/** The OpenCC configuration a conversion action names at the end of its title: `… (t2s)`. */
export function conversionConfig(title: string): string | undefined {
  const match = /\(([a-z0-9]+)\)\s*$/.exec(title);
  return match ? match[1] : undefined;
}

/** What a conversion code action says about itself in `data` (servers since issue 8). */
interface ConversionData {
  config?: unknown;
  scopes?: unknown;
}

/**
 * The conversion a code action offers for `scope` ('document' or 'selection'), with a title
 * that names that scope, or undefined when the action does not convert that scope.
 *
 * The server offers scopes with equal ranges once, under the narrowest name: asking with the
 * whole document as the range gives "Convert selection to … (t2s)" whose `data.scopes` is
 * `["selection", "document"]`. So the action's data decides, not its title; the title is the
 * fallback for servers that send no data.
 */
export function conversionFor(
  action: { title: string; data?: unknown },
  scope: string,
): { config: string; title: string } | undefined {
  const data = (action.data ?? {}) as ConversionData;
  if (typeof data.config === 'string' && Array.isArray(data.scopes)) {
    if (!data.scopes.includes(scope)) {
      return undefined;
    }
    return { config: data.config, title: action.title.replace(/^Convert \S+/, `Convert ${scope}`) };
  }
  const config = conversionConfig(action.title);
  if (!config || !new RegExp(`^convert ${scope}\\b`, 'i').test(action.title)) {
    return undefined;
  }
  return { config, title: action.title };
}
