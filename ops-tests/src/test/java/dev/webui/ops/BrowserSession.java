package dev.webui.ops;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One scenario of src/test/node/browser.mjs: Debian's chromium driven by playwright-core against the
 * gateway. The scenario prints one JSON finding per line ({"step": ...}); the test can wait for a
 * finding while the browser goes on. Screenshots go to ops-tests/target/browser-artifacts.
 */
final class BrowserSession {
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    private final String scenario;
    private final Process node;
    private final Path errors;
    private final Thread reader;
    private final Map<String, JsonNode> findings = new LinkedHashMap<>();
    private final List<String> consoleErrors = new ArrayList<>();

    private BrowserSession(String scenario, Map<String, String> env) throws IOException, InterruptedException {
        ensureChromium();
        this.scenario = scenario;
        errors = Files.createTempFile("browser", ".err");
        ProcessBuilder builder = new ProcessBuilder("node", "browser.mjs", scenario)
                .directory(Repo.file("ops-tests/src/test/node").toFile())
                .redirectError(errors.toFile());
        builder.environment().putAll(env);
        builder.environment().put("ARTIFACTS", Repo.file("ops-tests/target/browser-artifacts").toString());
        builder.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
        node = builder.start();
        reader = new Thread(this::readFindings, "browser-findings");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the scenario; the browser goes on while the test waits for findings. */
    static BrowserSession start(String scenario, Map<String, String> env) throws IOException, InterruptedException {
        return new BrowserSession(scenario, env);
    }

    /** Runs the scenario to its end. */
    static Map<String, JsonNode> run(String scenario, Map<String, String> env, Duration timeout) throws Exception {
        return start(scenario, env).finish(timeout);
    }

    /** Waits for a finding of the running scenario. */
    JsonNode awaitFinding(String step, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            boolean ended = !node.isAlive();
            if (ended) {
                reader.join(5000); // every line the script printed is read
            }
            synchronized (findings) {
                if (findings.containsKey(step)) {
                    return findings.get(step);
                }
                long left = Duration.between(Instant.now(), deadline).toMillis();
                if (left <= 0 || ended) {
                    throw new AssertionError("browser scenario " + scenario + ": no '" + step + "' within " + timeout + "\n" + transcript());
                }
                findings.wait(Math.min(left, 500));
            }
        }
    }

    /** Waits for the scenario to end; fails with the browser's own words when it failed. */
    Map<String, JsonNode> finish(Duration timeout) throws Exception {
        boolean finished = node.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
        }
        reader.join(5000);
        if (!finished || node.exitValue() != 0) {
            throw new AssertionError("browser scenario " + scenario + (finished ? " failed" : " did not finish in " + timeout) + "\n" + transcript());
        }
        Files.deleteIfExists(errors);
        synchronized (findings) {
            System.out.println("browser " + scenario + ": " + findings.keySet() + (consoleErrors.isEmpty() ? "" : " console errors: " + consoleErrors));
            return Map.copyOf(findings);
        }
    }

    private String transcript() throws IOException {
        synchronized (findings) {
            return "--- findings\n" + findings.values() + "\n--- error\n" + Files.readString(errors, StandardCharsets.UTF_8);
        }
    }

    private void readFindings() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                JsonNode finding = Gateway.JSON.readTree(line);
                synchronized (findings) {
                    if ("console-error".equals(finding.path("step").asText())) {
                        consoleErrors.add(finding.path("text").asText());
                    } else {
                        findings.put(finding.path("step").asText(), finding);
                    }
                    findings.notifyAll();
                }
            }
        } catch (IOException ended) {
            // the browser script exited; finish() reports how
        }
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
