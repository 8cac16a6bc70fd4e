package dev.webui.files.web;

import dev.webui.files.support.FilesTestEnvironment;

import java.util.HashMap;
import java.util.Map;

/** The files test environment plus {@link FakeWeb}; Brave's endpoint points at the fake, engine calls give up after 2 s. */
public class WebTestEnvironment extends FilesTestEnvironment {
    static FakeWeb web;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            web = new FakeWeb();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        config.put("webui.web.engine-url.brave", web.base() + "/brave/res/v1/web/search");
        config.put("WEB_SEARCH_TIMEOUT_SECONDS", "2");
        return config;
    }

    @Override
    public void stop() {
        if (web != null) {
            web.close();
        }
        super.stop();
    }
}
