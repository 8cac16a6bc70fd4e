package dev.webui.common.auth;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * The caller of a public endpoint that behaves differently for signed-in users (such as
 * /api/config): a missing, invalid or expired token simply means anonymous.
 */
@ApplicationScoped
public class OptionalCaller {
    private final CurrentIdentityAssociation identities;

    public OptionalCaller(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public Uni<Optional<AuthenticatedUser>> get() {
        return identities.getDeferredIdentity()
                .map(identity -> Optional.ofNullable(AuthenticatedUser.of(identity)))
                .onFailure().recoverWithItem(Optional.empty());
    }
}
