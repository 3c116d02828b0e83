/**
 * Last line of defence against leaking credentials into output: replaces any known secret value
 * and anything shaped like a bearer token or a PEM private key. Used by every printer and by
 * ApiError excerpts.
 */
const PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
const JSON_SECRET = /("(?:access_token|refresh_token|id_token|client_secret|private_key|assertion)"\s*:\s*")[^"]*(")/gi;
const FORM_SECRET = /\b((?:access_token|refresh_token|client_secret|assertion)=)[^&\s]+/gi;

export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text.replace(PEM, '[redacted private key]').replace(BEARER, '$1 [redacted]').replace(JSON_SECRET, '$1[redacted]$2').replace(FORM_SECRET, '$1[redacted]');
  for (const secret of secrets) {
    // Short values (the public sandbox default `sandbox`) would redact ordinary words; real secrets are long.
    if (secret && secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return out;
}
