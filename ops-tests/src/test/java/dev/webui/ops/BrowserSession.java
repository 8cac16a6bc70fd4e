package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One scenario of src/test/node/browser.mjs: Debian's chromium driven by playwright-core against the
 * gateway. Screenshots go to ops-tests/target/browser-artifacts.
 */
final class BrowserSession {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private BrowserSession() {
    }

    /** The findings the scenario printed, by step; fails with the browser's own words when it failed. */
    static Map<String, JsonNode> run(String scenario, Map<String, String> env, Duration timeout) throws Exception {
        ensureChromium();
        Path out = Files.createTempFile("browser", ".out");
        Path err = Files.createTempFile("browser", ".err");
        ProcessBuilder builder = new ProcessBuilder("node", "browser.mjs", scenario)
                .directory(Repo.file("ops-tests/src/test/node").toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        builder.environment().put("ARTIFACTS", Repo.file("ops-tests/target/browser-artifacts").toString());
        builder.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
        Process node = builder.start();
        boolean finished = node.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Files.delete(out);
        Files.delete(err);
        if (!finished || node.exitValue() != 0) {
            throw new AssertionError("browser scenario " + scenario + (finished ? " failed" : " did not finish in " + timeout)
                    + "\n--- findings\n" + stdout + "--- error\n" + stderr);
        }
        Map<String, JsonNode> findings = new HashMap<>();
        List<String> consoleErrors = new ArrayList<>();
        for (String line : stdout.lines().toList()) {
            JsonNode finding = Gateway.JSON.readTree(line);
            if (finding.path("step").asText().equals("console-error")) {
                consoleErrors.add(finding.path("text").asText());
            }
            findings.put(finding.path("step").asText(), finding);
        }
        System.out.println("browser " + scenario + ": " + findings.keySet() + (consoleErrors.isEmpty() ? "" : " console errors: " + consoleErrors));
        return findings;
    }

    /** As root on Debian the test installs chromium like the frontend's runner does; otherwise it says what is missing. */
    private static void ensureChromium() throws IOException, InterruptedException {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        if ("root".equals(System.getProperty("user.name"))) {
            new ProcessBuilder("apt-get", "install", "-y", "-qq", "chromium").inheritIO().start().waitFor();
        }
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("chromium is needed at " + CHROMIUM + ": apt-get install -y chromium (or set CHROMIUM_PATH)");
        }
    }
}
