// Stand-in routes behind the interface extras: the user's info (location), the version check and the
// changelog, in our backend's shapes (auth-service UserResource, api-service AppResource).
export function interfaceFeature({ state, need }) {
  state.latestVersion = '0.6.32';
  // Empty unless a test fills it: the app shows no "What's New" without entries.
  state.changelog = {};
  const routes = [
    ['POST', /^\/api\/v1\/users\/user\/info\/update$/, (req, _m, body) => {
      const user = need(req, 'verified');
      user.info = { ...(user.info ?? {}), ...body };
      return user.info;
    }],
    ['GET', /^\/api\/version\/updates$/, (req) => {
      need(req, 'verified');
      return { current: '0.6.32', latest: state.latestVersion };
    }],
    ['GET', /^\/api\/changelog$/, () => state.changelog]
  ];
  return { routes };
}
