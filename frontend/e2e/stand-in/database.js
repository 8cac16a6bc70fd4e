// Admin › Database for the stand-in: the settings document (/api/v1/configs/export, /import), every
// user's chats (/api/v1/chats/all/db) and the database file, refused as api-service refuses it on
// PostgreSQL (400 with the reason).
export function databaseFeature({ state, need, HttpError }) {
  state.configDocument = { version: 0, ui: { enable_signup: false }, rag: { chunk_size: 1000 } };
  const routes = [
    ['GET', /^\/api\/v1\/configs\/export$/, (req) => (need(req, 'admin'), state.configDocument)],
    ['POST', /^\/api\/v1\/configs\/import$/, (req, _m, body) => {
      need(req, 'admin');
      if (!body?.config || typeof body.config !== 'object' || Array.isArray(body.config)) throw new HttpError(400, "'config' is required");
      state.configDocument = body.config;
      return state.configDocument;
    }],
    ['GET', /^\/api\/v1\/chats\/all\/db$/, (req) => (need(req, 'admin'), [...state.chats.values()])],
    ['GET', /^\/api\/v1\/utils\/db\/download$/, (req) => {
      need(req, 'admin');
      throw new HttpError(400, 'This feature is only available when running with SQLite databases.');
    }]
  ];
  return { routes };
}
