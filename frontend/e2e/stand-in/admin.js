// Admin pieces for the stand-in: task settings (/api/v1/tasks/config), the model order
// (/api/v1/configs/models) and the feedback list.
export function adminFeature({ state, need }) {
  state.taskConfig = {
    TASK_MODEL: '', TASK_MODEL_EXTERNAL: '', TITLE_GENERATION_PROMPT_TEMPLATE: '', IMAGE_PROMPT_GENERATION_PROMPT_TEMPLATE: '',
    ENABLE_AUTOCOMPLETE_GENERATION: false, AUTOCOMPLETE_GENERATION_INPUT_MAX_LENGTH: -1, TAGS_GENERATION_PROMPT_TEMPLATE: '',
    FOLLOW_UP_GENERATION_PROMPT_TEMPLATE: '', ENABLE_FOLLOW_UP_GENERATION: true, ENABLE_TAGS_GENERATION: true, ENABLE_TITLE_GENERATION: true,
    ENABLE_SEARCH_QUERY_GENERATION: true, ENABLE_RETRIEVAL_QUERY_GENERATION: true, QUERY_GENERATION_PROMPT_TEMPLATE: '', TOOLS_FUNCTION_CALLING_PROMPT_TEMPLATE: ''
  };
  const publicUser = (u) => (u ? { id: u.id, name: u.name, email: u.email, role: u.role, profile_image_url: u.profile_image_url } : null);
  const routes = [
    ['GET', /^\/api\/v1\/tasks\/config$/, (req) => (need(req, 'verified'), state.taskConfig)],
    ['POST', /^\/api\/v1\/tasks\/config\/update$/, (req, _m, body) => {
      need(req, 'admin');
      state.taskConfig = { ...state.taskConfig, ...body };
      return state.taskConfig;
    }],
    ['GET', /^\/api\/v1\/configs\/models$/, (req) => (need(req, 'admin'), { DEFAULT_MODELS: null, MODEL_ORDER_LIST: state.modelOrder ?? [] })],
    ['POST', /^\/api\/v1\/configs\/models$/, (req, _m, body) => {
      need(req, 'admin');
      state.modelOrder = body.MODEL_ORDER_LIST ?? [];
      return { DEFAULT_MODELS: body.DEFAULT_MODELS ?? null, MODEL_ORDER_LIST: state.modelOrder };
    }],
    ['GET', /^\/api\/v1\/evaluations\/feedbacks\/all$/, (req) => {
      need(req, 'admin');
      return [...state.feedbacks.values()].map(({ snapshot, ...f }) => ({ ...f, user: publicUser(state.users.find((u) => u.id === f.user_id)) }));
    }],
    ['GET', /^\/api\/v1\/evaluations\/feedbacks\/all\/export$/, (req) => (need(req, 'admin'), [...state.feedbacks.values()])],
    ['DELETE', /^\/api\/v1\/evaluations\/feedback\/([^/]+)$/, (req, m) => {
      need(req, 'admin');
      return state.feedbacks.delete(m[1]);
    }]
  ];
  return { routes };
}
