package dev.webui.api.channel;

import dev.webui.common.auth.AuthenticatedUser;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/** Used while no completion pipeline answers mentions: the mention stays plain text. */
@DefaultBean
@ApplicationScoped
public class NoModelMentions implements ModelMentions {
    private static final Logger LOG = Logger.getLogger(NoModelMentions.class);

    @Override
    public Uni<Void> mentioned(Channel channel, ChannelMessage message, List<String> modelIds, AuthenticatedUser author) {
        LOG.debugf("Models %s mentioned in channel %s; no completion pipeline answers channel mentions yet", modelIds, channel.id());
        return Uni.createFrom().voidItem();
    }
}
