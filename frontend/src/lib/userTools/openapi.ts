// Turns a tool server's OpenAPI document into the function specs a completion carries in
// `tool_servers[].specs` (docs/frontend.md, "Your own tool servers"): one spec per operation with
// an operationId, its parameters from the path, the query and a JSON body.

export interface ToolSpec {
  name: string;
  description: string;
  parameters: { type: 'object'; properties: Record<string, Record<string, unknown>>; required: string[] };
}

type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
/** Bounds `$ref` chains (a document may refer to itself). */
const MAX_REF_DEPTH = 16;

/** Follows a local `$ref` (`#/components/schemas/X`) to what it names; anything else is kept as is. */
export function resolveRef(doc: Json, value: any, depth = 0): any {
  if (!value || typeof value !== 'object' || typeof value.$ref !== 'string' || depth >= MAX_REF_DEPTH) return value;
  const ref: string = value.$ref;
  if (!ref.startsWith('#/')) return value;
  let target: any = doc;
  for (const part of ref.slice(2).split('/')) {
    target = target?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (target === undefined) return {};
  }
  return resolveRef(doc, target, depth + 1);
}

function property(doc: Json, schema: any, description: string): Record<string, unknown> {
  const s = resolveRef(doc, schema) ?? {};
  const p: Record<string, unknown> = { type: s.type ?? 'string', description: s.description ?? description ?? '' };
  if (Array.isArray(s.enum)) p.enum = s.enum;
  if (s.items) p.items = resolveRef(doc, s.items);
  if (s.default !== undefined) p.default = s.default;
  return p;
}

/** Every operation with an operationId; parameters from the path, the query and an `application/json` body. */
export function specsOf(doc: Json): ToolSpec[] {
  const specs: ToolSpec[] = [];
  for (const [path, item] of Object.entries<Json>(doc?.paths ?? {})) {
    const shared: any[] = Array.isArray(item?.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op || typeof op.operationId !== 'string' || !op.operationId) continue;
      const parameters: ToolSpec['parameters'] = { type: 'object', properties: {}, required: [] };
      for (const raw of [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]) {
        const param = resolveRef(doc, raw);
        if (!param?.name || (param.in !== 'path' && param.in !== 'query')) continue;
        parameters.properties[param.name] = property(doc, param.schema, param.description ?? '');
        if (param.required && !parameters.required.includes(param.name)) parameters.required.push(param.name);
      }
      const body = resolveRef(doc, resolveRef(doc, op.requestBody)?.content?.['application/json']?.schema);
      for (const [name, schema] of Object.entries<any>(body?.properties ?? {})) {
        parameters.properties[name] = property(doc, schema, '');
      }
      for (const name of Array.isArray(body?.required) ? body.required : []) {
        if (!parameters.required.includes(name)) parameters.required.push(name);
      }
      specs.push({ name: op.operationId, description: op.description || op.summary || `${method.toUpperCase()} ${path}`, parameters });
    }
  }
  return specs;
}

/** Finds the operation behind a spec name: its path template, method and operation object. */
export function operationOf(doc: Json, name: string): { path: string; method: string; op: Json; shared: any[] } | null {
  for (const [path, item] of Object.entries<Json>(doc?.paths ?? {})) {
    for (const method of METHODS) {
      if (item?.[method]?.operationId === name) return { path, method, op: item[method], shared: item.parameters ?? [] };
    }
  }
  return null;
}
