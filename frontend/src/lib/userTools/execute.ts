// Runs one call of a browser-run tool server (the `execute:tool` chat event, docs/tools-loop.md):
// puts the arguments in the path, the query or the JSON body as the operation declares them and
// answers `[result, headers]`, or `[{error}, null]` when the call failed.
import { operationOf, resolveRef } from './openapi';

export type ToolAnswer = [unknown, Record<string, string> | null];

export async function executeOperation(
  doc: Record<string, any>,
  baseUrl: string,
  token: string,
  name: string,
  params: Record<string, unknown>,
  fetcher: typeof fetch = fetch
): Promise<ToolAnswer> {
  try {
    const found = operationOf(doc, name);
    if (!found) throw new Error(`No operation named ${name} in the server's OpenAPI document`);
    const { path, method, op, shared } = found;
    let url = baseUrl.replace(/\/+$/, '') + path;
    const query = new URLSearchParams();
    const body: Record<string, unknown> = { ...params };
    for (const raw of [...shared, ...(op.parameters ?? [])]) {
      const param = resolveRef(doc, raw);
      if (!param?.name || !(param.name in params)) continue;
      const value = params[param.name];
      if (param.in === 'path') url = url.split(`{${param.name}}`).join(encodeURIComponent(String(value)));
      else if (param.in === 'query') for (const v of Array.isArray(value) ? value : [value]) query.append(param.name, String(v));
      else continue;
      delete body[param.name];
    }
    if (query.toString()) url += (url.includes('?') ? '&' : '?') + query.toString();
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    const init: RequestInit = { method: method.toUpperCase(), headers };
    if (op.requestBody && !['get', 'head'].includes(method)) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetcher(url, init);
    const text = await res.text();
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${text}`);
    const responseHeaders: Record<string, string> = {};
    res.headers.forEach((value, key) => (responseHeaders[key] = value));
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      // Not JSON: the text is the result.
    }
    return [data, responseHeaders];
  } catch (e) {
    return [{ error: e instanceof Error ? e.message : String(e) }, null];
  }
}
