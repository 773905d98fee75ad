/**
 * The Azure CLI commands the check's fixes print, run against the Graph stand-in instead of
 * Microsoft Graph (tests only). `az rest` sends the request as given (https Graph URLs are sent
 * to $GRAPH_STANDIN_URL); `--query` is JMESPath, as in the real CLI; `-o tsv` prints as the real
 * CLI does (one line per row, tab between columns). Commands it does not know fail loudly.
 */
import {appendFileSync, readFileSync} from 'node:fs';
import jmespath from 'jmespath';

/**
 * $AZ_STANDIN_LOG: a file that gets one JSON line per `az rest` (its arguments and the body it
 * sent), so a test can see what a pasted command handed to az. $AZ_STANDIN_EXPECT_BODY: a file
 * whose bytes the body must equal, or the stand-in fails as loudly as a wrong request would.
 */
function record(args, body) {
  if (process.env.AZ_STANDIN_LOG) appendFileSync(process.env.AZ_STANDIN_LOG, `${JSON.stringify({args, body})}\n`);
  const expected = process.env.AZ_STANDIN_EXPECT_BODY;
  if (expected && readFileSync(expected, 'utf8') !== body) {
    throw new Error(`the body is not byte-equal to the reader's batch:\n${body}\n!==\n${readFileSync(expected, 'utf8')}`);
  }
}

const GRAPH_HOSTS = /^https:\/\/(graph\.microsoft\.com|graph\.microsoft\.us|dod-graph\.microsoft\.us|microsoftgraph\.chinacloudapi\.cn)/;

function options(args) {
  const out = {_: []};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith('--') || arg === '-o') {
      const name = arg === '-o' ? 'output' : arg.slice(2);
      const values = [];
      while (i + 1 < args.length && !args[i + 1].startsWith('--') && args[i + 1] !== '-o') values.push(args[++i]);
      out[name] = values.length <= 1 ? (values[0] ?? true) : values;
    } else out._.push(arg);
  }
  return out;
}

async function graph(method, url, body) {
  const base = process.env.GRAPH_STANDIN_URL;
  if (!base) throw new Error('GRAPH_STANDIN_URL is not set');
  const target = /^https?:/.test(url) ? url.replace(GRAPH_HOSTS, base) : `${base}/v1.0${url}`;
  const response = await fetch(target, {method: method.toUpperCase(), headers: body ? {'Content-Type': 'application/json'} : {}, body});
  const text = await response.text();
  if (!response.ok) throw new Error(`${method.toUpperCase()} ${url}: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

function print(value, output) {
  if (value === null || value === undefined) return;
  if (output !== 'tsv') return void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  const rows = Array.isArray(value) ? value : [value];
  for (const row of rows) process.stdout.write(`${Array.isArray(row) ? row.join('\t') : row}\n`);
}

async function servicePrincipal(id) {
  return graph('get', `/servicePrincipals(appId='${id}')`);
}

async function application(appId) {
  return graph('get', `/applications(appId='${appId}')`);
}

async function setPermissions(appId, change) {
  const app = await application(appId);
  const list = change(app.requiredResourceAccess ?? []).filter((r) => r.resourceAccess.length > 0);
  await graph('patch', `/applications/${app.id}`, JSON.stringify({requiredResourceAccess: list}));
}

export async function main(args) {
  const o = options(args);
  const [group, sub, verb, action] = o._;
  const command = o._.join(' ');
  if (group === 'login' || (group === 'cloud' && sub === 'set') || (group === 'account' && sub === 'show')) return 0;
  if (group === 'rest') {
    // --body @file reads the file, as the real CLI does (the Windows commands write batch.json).
    const body = typeof o.body === 'string' ? (o.body.startsWith('@') ? readFileSync(o.body.slice(1), 'utf8') : o.body) : undefined;
    record(args, body);
    const result = await graph(o.method ?? 'get', o.url, body);
    print(o.query ? jmespath.search(result, o.query) : result, o.output);
    return 0;
  }
  if (group === 'ad' && sub === 'sp' && verb === 'show') {
    const sp = await servicePrincipal(o.id);
    print(o.query ? jmespath.search(sp, o.query) : sp, o.output);
    return 0;
  }
  // scripts/register-sign-in-app.sh: create an app registration and read it back.
  if (group === 'ad' && sub === 'app' && verb === 'create') {
    const app = await graph('post', '/applications', JSON.stringify({displayName: o['display-name'], signInAudience: o['sign-in-audience']}));
    print(o.query ? jmespath.search(app, o.query) : app, o.output);
    return 0;
  }
  if (group === 'ad' && sub === 'app' && verb === 'show') {
    const app = await application(o.id);
    print(o.query ? jmespath.search(app, o.query) : app, o.output);
    return 0;
  }
  if (group === 'ad' && sub === 'app' && verb === 'permission' && (action === 'delete' || action === 'add')) {
    const ids = [].concat(o['api-permissions']);
    await setPermissions(o.id, (list) => {
      const api = o.api.toLowerCase();
      if (action === 'delete') {
        const gone = new Set(ids.map((id) => id.toLowerCase()));
        return list.map((r) => (r.resourceAppId.toLowerCase() === api ? {...r, resourceAccess: r.resourceAccess.filter((a) => !gone.has(a.id.toLowerCase()))} : r));
      }
      const entries = ids.map((entry) => {
        const [id, type] = entry.split('=');
        return {id: id.toLowerCase(), type};
      });
      const existing = list.find((r) => r.resourceAppId.toLowerCase() === api);
      if (existing) existing.resourceAccess.push(...entries);
      else list.push({resourceAppId: api, resourceAccess: entries});
      return list;
    });
    return 0;
  }
  throw new Error(`the stand-in does not know "az ${command}"`);
}
