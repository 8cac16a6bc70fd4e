package dev.webui.auth.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.webui.auth.settings.AuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.RuntimeDelegate;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The session check's answer per token, written once: its JSON body (the user and their effective
 * permissions) and its cookie. Every page load asks for it, and it changes only when what it is
 * made of does: an answer is reused only while the {@link SessionInputs} and {@link AuthSettings}
 * given are the very objects it was built from ({@link SessionInputsCache} and
 * {@code AuthSettingsService} hand out a new object whenever the user, their groups or the
 * settings change). Bounded by bytes.
 */
@ApplicationScoped
public class SessionAnswers {
    static final long MAX_BYTES = 2L * 1024 * 1024;

    /** A body and the Set-Cookie header value that goes with it (written once: formatting a cookie's date is not cheap). */
    public record Answer(byte[] body, String cookie) {
    }

    private record Kept(SessionInputs inputs, AuthSettings settings, Answer answer) {
    }

    private static final RuntimeDelegate.HeaderDelegate<NewCookie> COOKIE_HEADER = RuntimeDelegate.getInstance().createHeaderDelegate(NewCookie.class);

    private final ObjectMapper mapper;
    private final Cache<String, Kept> answers = Caffeine.newBuilder().maximumWeight(MAX_BYTES)
            .<String, Kept>weigher((token, kept) -> token.length() + kept.answer().body().length + 256)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    public SessionAnswers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The kept answer for this token if built from {@code inputs} and {@code settings}, else a new one from {@code body}. */
    public Answer of(String token, SessionInputs inputs, AuthSettings settings, Supplier<Object> body, Supplier<NewCookie> cookie) {
        Kept kept = answers.getIfPresent(token);
        if (kept != null && kept.inputs() == inputs && kept.settings() == settings) {
            return kept.answer();
        }
        Answer answer;
        try {
            answer = new Answer(mapper.writeValueAsBytes(body.get()), COOKIE_HEADER.toString(cookie.get()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the session answer could not be written", e);
        }
        answers.put(token, new Kept(inputs, settings, answer));
        return answer;
    }
}
