package dev.webui.auth.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import dev.webui.auth.config.LdapConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.net.ssl.TrustManager;
import java.io.File;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * Search-then-bind against the directory (blocking; callers run it on a worker thread): the
 * service account (or an anonymous bind) finds exactly one entry for the user name, then the
 * user's own password must bind as that entry.
 */
@ApplicationScoped
public class LdapDirectory {
    private final LdapConfig config;

    public LdapDirectory(LdapConfig config) {
        this.config = config;
    }

    /** The person behind a user name and password, or empty when the directory says no. */
    public Optional<LdapPerson> authenticate(LdapServer server, String user, String password) throws LDAPException {
        try (LDAPConnection connection = connect(server)) {
            if (server.appDn() != null) {
                connection.bind(server.appDn(), server.appDnPassword() == null ? "" : server.appDnPassword());
            }
            Filter filter = Filter.createEqualityFilter(server.attributeForUsername(), user);
            if (server.searchFilters() != null && !server.searchFilters().isBlank()) {
                filter = Filter.createANDFilter(filter, LdapSignIn.extraFilter(server.searchFilters()));
            }
            SearchResult result = connection.search(server.searchBase(), SearchScope.SUB, filter,
                    server.attributeForUsername(), server.attributeForMail(), "cn");
            if (result.getEntryCount() != 1) {
                return Optional.empty();
            }
            SearchResultEntry entry = result.getSearchEntries().get(0);
            try {
                connection.bind(entry.getDN(), password);
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                    return Optional.empty();
                }
                throw e;
            }
            String name = entry.getAttributeValue("cn");
            return Optional.of(new LdapPerson(entry.getDN(), entry.getAttributeValue(server.attributeForMail()),
                    name != null ? name : entry.getAttributeValue(server.attributeForUsername())));
        }
    }

    private LDAPConnection connect(LdapServer server) throws LDAPException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(config.connectTimeout() * 1000);
        options.setResponseTimeoutMillis(config.connectTimeout() * 1000L);
        if (!Boolean.TRUE.equals(server.useTls())) {
            return new LDAPConnection(options, server.host(), server.port());
        }
        boolean validate = !Boolean.FALSE.equals(server.validateCert());
        if (validate) {
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        }
        try {
            SSLUtil ssl = new SSLUtil(trustManager(server, validate));
            return new LDAPConnection(ssl.createSSLSocketFactory(), options, server.host(), server.port());
        } catch (GeneralSecurityException e) {
            throw new LDAPException(ResultCode.CONNECT_ERROR, "TLS set-up failed: " + e.getMessage(), e);
        }
    }

    private static TrustManager trustManager(LdapServer server, boolean validate) throws GeneralSecurityException {
        if (!validate) {
            return new TrustAllTrustManager();
        }
        if (server.certificatePath() != null && !server.certificatePath().isBlank()) {
            return new PEMFileTrustManager(new File(server.certificatePath()));
        }
        return JVMDefaultTrustManager.getInstance();
    }

    /** A directory entry that proved its password. */
    public record LdapPerson(String dn, String email, String name) {
    }
}
