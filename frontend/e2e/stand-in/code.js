// Code execution for the stand-in: the admin's /api/v1/configs/code_execution, /api/v1/utils/code/execute
// (a canned Jupyter answer: what the code prints with print('...')), and the switches in /api/config.
export function codeFeature({ state, need, HttpError }) {
  state.codeExecution = {
    ENABLE_CODE_EXECUTION: true, CODE_EXECUTION_ENGINE: 'pyodide', CODE_EXECUTION_JUPYTER_URL: '', CODE_EXECUTION_JUPYTER_AUTH: '',
    CODE_EXECUTION_JUPYTER_AUTH_TOKEN: '', CODE_EXECUTION_JUPYTER_AUTH_PASSWORD: '', CODE_EXECUTION_JUPYTER_TIMEOUT: 60,
    ENABLE_CODE_INTERPRETER: false, CODE_INTERPRETER_ENGINE: 'pyodide', CODE_INTERPRETER_PROMPT_TEMPLATE: '',
    CODE_INTERPRETER_JUPYTER_URL: '', CODE_INTERPRETER_JUPYTER_AUTH: '', CODE_INTERPRETER_JUPYTER_AUTH_TOKEN: '',
    CODE_INTERPRETER_JUPYTER_AUTH_PASSWORD: '', CODE_INTERPRETER_JUPYTER_TIMEOUT: 60
  };
  state.executed = [];

  const routes = [
    ['GET', /^\/api\/v1\/configs\/code_execution$/, (req) => (need(req, 'admin'), state.codeExecution)],
    ['POST', /^\/api\/v1\/configs\/code_execution$/, (req, _m, body) => {
      need(req, 'admin');
      for (const key of Object.keys(state.codeExecution)) if (key in body) state.codeExecution[key] = body[key];
      return state.codeExecution;
    }],
    ['POST', /^\/api\/v1\/utils\/code\/execute$/, (req, _m, body) => {
      need(req, 'verified');
      if (state.codeExecution.CODE_EXECUTION_ENGINE !== 'jupyter') throw new HttpError(400, 'Code execution engine not supported');
      state.executed.push(body.code);
      const printed = [...String(body.code).matchAll(/print\((['"])(.*?)\1\)/g)].map((m) => m[2]).join('\n');
      return { stdout: printed, stderr: '', result: '' };
    }]
  ];

  /** What /api/config says of code execution to a signed-in user. */
  const configFor = () => ({
    features: { enable_code_execution: state.codeExecution.ENABLE_CODE_EXECUTION, enable_code_interpreter: state.codeExecution.ENABLE_CODE_INTERPRETER },
    code: { engine: state.codeExecution.CODE_EXECUTION_ENGINE }
  });

  return { routes, configFor };
}
