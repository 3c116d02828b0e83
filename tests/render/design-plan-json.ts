/**
 * The "Plan JSON (formatVersion 1)" example, copied verbatim from the project's DESIGN.md
 * (../shared/DESIGN.md, section "Plan JSON"), so the JSON shape test checks the renderer against
 * the published contract without reading outside the repository. Do not edit: it is the contract.
 */
export const DESIGN_PLAN_JSON = String.raw`
{ "formatVersion": 1, "configDigest": "sha256:…", "snapshotDigest": "sha256:…",
  "summary": { "users":  { "create": 0, "update": 0, "link": 0, "deactivate": 0, "reactivate": 0 },
               "agents": { "create": 0, "update": 0, "link": 0, "deactivate": 0, "reactivate": 0 },
               "roles":  { "add": 0, "remove": 0 }, "cabs": { "add": 0, "remove": 0 },
               "settings": { "update": 0 } },
  "changes": [ { "subject": "user|agent|settings", "action": "create|update|link|deactivate|reactivate|roles|cabs|settings",
                 "googleId": "…", "email": "…", "haloId": 12, "mapping": "head-office",
                 "reason": "…", "fields": [ { "field": "title", "before": "…", "after": "…" } ],
                 "roles": { "add": [], "remove": [] }, "cabs": { "add": [], "remove": [] } } ],
  "warnings": [ { "code": "…", "message": "…", "email": "…", "googleId": "…" } ],
  "safety": { "ok": true, "violations": [] } }
`;
