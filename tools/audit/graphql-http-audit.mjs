// Runs the graphql-http server audit (the GraphQL-over-HTTP spec's MUST/SHOULD/MAY checks) against a running server.
// Usage: node graphql-http-audit.mjs <url> <bearer token>; see run.sh.
import { auditServer } from 'graphql-http';

const [url, token] = process.argv.slice(2);
const results = await auditServer({
  url,
  fetchFn: (input, init = {}) => {
    const headers = new Headers(init.headers || {});
    headers.set('authorization', 'Bearer ' + token);
    return fetch(input, { ...init, headers });
  },
});
const counts = {};
for (const result of results) counts[result.status] = (counts[result.status] || 0) + 1;
console.log(JSON.stringify(counts));
for (const result of results) {
  if (result.status !== 'ok') console.log(result.status, result.id, result.name, '-', (result.reason || '').slice(0, 200));
}
process.exit(results.some((r) => r.status === 'error') ? 1 : 0);
