// A real OpenID provider for the tests (npm oidc-provider), with one confidential client and
// people whose claims follow from the login name: "admin-*" have role admin, "blocked-*" none.
// Usage: node provider.mjs <port> <client_id> <client_secret> <redirect_uri>
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const issuer = `http://localhost:${port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], roles: ['roles'], groups: ['groups'] },
  scopes: ['openid', 'email', 'profile', 'roles', 'groups'],
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  cookies: { keys: ['test-cookie-key'] },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return {
          sub: id,
          email: `${id}@Example.org`,
          email_verified: true,
          name: `Name ${id}`,
          roles: id.startsWith('admin') ? ['admin'] : id.startsWith('blocked') ? [] : ['user'],
          groups: ['Staff', 'Nope'],
        };
      },
    };
  },
});
provider.listen(Number(port), '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
