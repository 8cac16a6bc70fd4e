package dev.webui.api.settings;

import dev.webui.core.settings.EffectiveSetting;
import dev.webui.common.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Admin view of every setting api-service reads: effective value and where it came from. */
@Path("/api/v1/configs/effective")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class SettingsResource {
    private final SettingsStore store;

    public SettingsResource(SettingsStore store) {
        this.store = store;
    }

    @GET
    public List<EffectiveSetting> effective() {
        return store.all();
    }
}
