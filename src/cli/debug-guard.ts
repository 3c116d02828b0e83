/**
 * Node's own debug logging for http, https, http2, net and tls (NODE_DEBUG) prints the options of
 * every connection it opens, request headers included: the bearer tokens halo-sync sends would land
 * on stderr, where CI logs keep them. Node reads NODE_DEBUG once, at start-up, so halo-sync cannot
 * switch it off; commands that call an API refuse to start instead, and say why. The same goes for
 * GOOGLE_SDK_NODE_LOGGING, which makes Google's auth library log token responses, tokens included.
 */
const LEAKY_MODULES = ['http', 'https', 'http2', 'net', 'tls'];
/** Commands that send credentials (validate and sandbox do not). */
const API_COMMANDS = new Set(['plan', 'apply', 'explain', 'doctor', 'demo']);

/** The modules NODE_DEBUG enables that would log request headers, matched the way Node matches them. */
function leakyDebugModules(nodeDebug: string | undefined): string[] {
  const patterns = (nodeDebug ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  if (patterns.length === 0) return [];
  const source = patterns.map((p) => p.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*')).join('|');
  const enabled = new RegExp(`^(?:${source})$`, 'i');
  return LEAKY_MODULES.filter((m) => enabled.test(m));
}

/** The refusal for this command line, if its command would send credentials while Node logs them. */
export function debugLoggingRefusal(argv: readonly string[], env: Record<string, string | undefined>): string | null {
  const command = argv.find((a) => !a.startsWith('-'));
  if (!command || !API_COMMANDS.has(command) || argv.includes('--help') || argv.includes('-h')) return null;
  if (env.GOOGLE_SDK_NODE_LOGGING?.trim()) {
    return "GOOGLE_SDK_NODE_LOGGING makes Google's client libraries log token responses, access tokens included, to stderr (CI logs keep them); halo-sync will not send credentials while it is set. Unset it and run again.";
  }
  const modules = leakyDebugModules(env.NODE_DEBUG);
  if (modules.length === 0) return null;
  return `NODE_DEBUG enables Node's ${modules.join(', ')} debug logging, which prints every request's headers, halo-sync's access tokens included, to stderr (CI logs keep them); halo-sync will not send credentials while it is on. Unset NODE_DEBUG, or leave ${LEAKY_MODULES.join(', ')} out of it, and run again.`;
}
