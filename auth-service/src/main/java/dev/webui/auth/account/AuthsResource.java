package dev.webui.auth.account;

import dev.webui.auth.session.SessionCheck;
import dev.webui.auth.session.SessionService;
import dev.webui.auth.trusted.TrustedHeaderSignIn;
import dev.webui.auth.user.User;
import dev.webui.auth.user.UserModel;
import dev.webui.auth.user.UserService;
import dev.webui.common.auth.AuthenticatedUser;
import dev.webui.common.auth.Roles;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


/** Sign-up, sign-in, sessions and the caller's own account (/api/v1/auths). */
@Path("/api/v1/auths")
public class AuthsResource {
    private final AccountService accounts;
    private final SessionService sessions;
    private final TrustedHeaderSignIn trusted;
    private final SessionCheck sessionCheck;
    private final UserService userService;
    private final AdminDetailsService adminDetails;
    private final SecurityIdentity identity;

    public AuthsResource(AccountService accounts, SessionService sessions, TrustedHeaderSignIn trusted, SessionCheck sessionCheck,
                         UserService userService, AdminDetailsService adminDetails, SecurityIdentity identity) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.trusted = trusted;
        this.sessionCheck = sessionCheck;
        this.userService = userService;
        this.adminDetails = adminDetails;
        this.identity = identity;
    }

    /** Signed-in callers only: {@link SessionCheck} authenticates the caller itself (the common case never gets here: SessionCheckRoute). */
    @GET
    @Path("/")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<byte[]> session(@Context RoutingContext request) {
        return sessionCheck.answer(request);
    }

    @POST
    @Path("/signup")
    @PermitAll
    public Uni<Response> signUp(SignUpForm form) {
        return accounts.signUp(Inputs.required(form)).chain(sessions::start);
    }

    @POST
    @Path("/signin")
    @PermitAll
    public Uni<Response> signIn(SignInForm form, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        Uni<User> user = trusted.enabled()
                ? trusted.signIn(headers)
                : accounts.signIn(Inputs.required(form).email(), form.password(), request.remoteAddress().hostAddress());
        return user.chain(sessions::start);
    }

    @GET
    @Path("/signout")
    @PermitAll
    public Uni<Response> signOut(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @CookieParam("token") String cookie) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : cookie;
        return sessions.end(token);
    }

    @POST
    @Path("/update/profile")
    @RolesAllowed(Roles.VERIFIED)
    public Uni<UserModel> updateProfile(ProfileForm form) {
        return userService.updateProfile(caller().id(), Inputs.required(form));
    }

    @POST
    @Path("/update/password")
    @Authenticated
    public Uni<Boolean> updatePassword(PasswordForm form) {
        return accounts.changePassword(caller().id(), Inputs.required(form).password(), form.newPassword());
    }

    @POST
    @Path("/add")
    @RolesAllowed(Roles.ADMIN)
    public Uni<AddedUser> add(AddUserForm form) {
        return accounts.add(Inputs.required(form)).chain(user -> sessions.tokenFor(user)
                .map(token -> new AddedUser(token, "Bearer", user.id(), user.email(), user.name(), user.role(), user.profileImageUrl())));
    }

    @GET
    @Path("/admin/details")
    @Authenticated
    public Uni<AdminDetails> adminDetails() {
        return adminDetails.details();
    }

    private AuthenticatedUser caller() {
        return AuthenticatedUser.of(identity);
    }
}
