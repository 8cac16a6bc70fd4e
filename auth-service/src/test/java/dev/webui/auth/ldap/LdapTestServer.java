package dev.webui.auth.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real LDAP server for the tests: UnboundID's in-memory directory listening on a free port,
 * with a service account and a few people, configured through Open WebUI's LDAP_* variables.
 */
public class LdapTestServer implements QuarkusTestResourceLifecycleManager {
    static final String BASE = "dc=example,dc=org";
    static final String PEOPLE = "ou=people," + BASE;

    private InMemoryDirectoryServer server;

    @Override
    public Map<String, String> start() {
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.addAdditionalBindCredentials("cn=webui,ou=services," + BASE, "service-pw");
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
            // searches need the service account, as in most real directories
            config.setAuthenticationRequiredOperationTypes(java.util.EnumSet.of(com.unboundid.ldap.sdk.OperationType.SEARCH));
            server = new InMemoryDirectoryServer(config);
            server.add("dn: " + BASE, "objectClass: domain", "dc: example");
            server.add("dn: " + PEOPLE, "objectClass: organizationalUnit", "ou: people");
            person("alice", "Alice Liddell", "Alice@Example.org", "alice-pw", "webui");
            person("bob", "Bob Builder", "bob@example.org", "bob-pw", "other");
            person("carol", "Carol", null, "carol-pw", "webui");
            person("dave", "Dave Existing", "dave@example.org", "dave-pw", "webui");
            server.startListening();
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException("Could not start the in-memory LDAP server", e);
        }
        return Map.of("ENABLE_LDAP", "true", "LDAP_SERVER_HOST", "127.0.0.1", "LDAP_SERVER_PORT", Integer.toString(server.getListenPort()),
                "LDAP_APP_DN", "cn=webui,ou=services," + BASE, "LDAP_APP_PASSWORD", "service-pw", "LDAP_SEARCH_BASE", PEOPLE,
                "LDAP_ATTRIBUTE_FOR_USERNAME", "uid", "LDAP_ATTRIBUTE_FOR_MAIL", "mail", "LDAP_SEARCH_FILTERS", "(employeeType=webui)",
                "LDAP_USE_TLS", "false");
    }

    private void person(String uid, String cn, String mail, String password, String type) throws LDAPException, LDIFException {
        String dn = "dn: uid=" + uid + "," + PEOPLE;
        if (mail == null) {
            server.add(dn, "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + cn, "sn: " + cn, "userPassword: " + password,
                    "employeeType: " + type);
        } else {
            server.add(dn, "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + cn, "sn: " + cn, "mail: " + mail,
                    "userPassword: " + password, "employeeType: " + type);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutDown(true);
        }
    }
}
