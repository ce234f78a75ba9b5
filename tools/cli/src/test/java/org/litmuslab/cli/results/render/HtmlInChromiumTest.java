package org.litmuslab.cli.results.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.litmuslab.cli.CliRunner;
import org.litmuslab.cli.jcstress.JcstressProcess;
import org.litmuslab.cli.results.Dumps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTML summary in a real headless Chromium: the page loads from a file with every network feature off, every
 * test and chart is in the DOM Chromium built, and a screenshot is saved under target/html-check/ for a person to
 * look at. Skipped, saying what to install, where Chromium is missing.
 */
class HtmlInChromiumTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path OUT = Path.of("target", "html-check").toAbsolutePath();

    private static Path html;
    private static JsonNode summary;

    @BeforeAll
    static void render() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
                + ": the HTML check needs it (Debian: apt-get install -y chromium)");
        Files.createDirectories(OUT);
        html = OUT.resolve("summary.html");
        String[] dumps = {Dumps.dump("quick").toString(), Dumps.dump("jdk25-unified").toString()};
        List<String> args = new ArrayList<>(List.of("summarize", "--format", "html", "--force", "--out",
                html.toString()));
        args.addAll(List.of(dumps));
        CliRunner.Run r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> json = new ArrayList<>(List.of("summarize", "--format", "json"));
        json.addAll(List.of(dumps));
        summary = new ObjectMapper().readTree(CliRunner.run(json.toArray(String[]::new)).out());
    }

    private static String chromium(String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(OUT, "profile-");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile));
        cmd.addAll(List.of(extra));
        cmd.add(html.toUri().toString());
        Path stdout = OUT.resolve("chromium.out");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                    .redirectError(OUT.resolve("chromium.err").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                JcstressProcess.kill(p);
                throw new AssertionError("Chromium did not finish within 120 s; see " + OUT.resolve("chromium.err"));
            }
            assertThat(p.exitValue()).as("Chromium's exit code; see %s", OUT.resolve("chromium.err")).isZero();
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void everyTestAndChartIsInTheLoadedPage() throws Exception {
        String dom = chromium("--dump-dom");
        assertThat(dom).contains("<h1>litmus summary</h1>", "17.0.15", "25.0");
        // Cut the DOM Chromium built into the test articles, and check each against the JSON summary.
        Pattern article = Pattern.compile("<article class=\"test [a-z-]+\" id=\"[^\"]+\" data-test=\"([^\"]+)\" "
                + "data-status=\"([a-z-]+)\">(.*?)</article>", Pattern.DOTALL);
        Matcher m = article.matcher(dom);
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            seen.add(m.group(1));
            JsonNode test = find(m.group(1));
            assertThat(m.group(2)).isEqualTo(test.get("status").asText());
            String body = m.group(3);
            assertThat(count(body, "<svg class=\"chart\"")).as("charts of %s", m.group(1)).isEqualTo(1);
            assertThat(count(body, "<g class=\"bar ")).as("bars of %s", m.group(1))
                    .isEqualTo(test.get("outcomes").size());
            for (JsonNode o : test.get("outcomes")) {
                assertThat(body).contains("data-outcome=\"" + o.get("id").asText() + "\" data-samples=\""
                        + o.get("samples").asLong() + "\"");
            }
            assertThat(body).contains("<details class=\"configs\"><summary>Per configuration ("
                    + test.get("configurations").asInt() + ")</summary>");
            if (test.has("description")) {
                assertThat(body).contains(test.get("description").asText().replace("'", "'"));
            }
            for (JsonNode ref : test.get("refs")) {
                assertThat(body).contains("href=\"" + ref.asText().replace("&", "&amp;") + "\"");
            }
        }
        List<String> expected = new ArrayList<>();
        summary.get("tests").forEach(t -> expected.add(t.get("name").asText()));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
        // Interesting outcomes are coloured: their bars carry the class the stylesheet colours.
        assertThat(dom).contains("<g class=\"bar interesting\" data-outcome=\"1\"",
                "<g class=\"bar forbidden\" data-outcome=\"1\" data-samples=\"0\"");
    }

    @Test
    void thePageIsSelfContained() throws IOException {
        String page = Files.readString(html);
        assertThat(page).doesNotContain("<script", "<link", "<img", "<iframe", "@import", "url(", " src=");
        // Links to @Ref sources are fine (they load nothing); nothing else points outside.
        Matcher m = Pattern.compile("(?:href|src)=\"([^\"#][^\"]*)\"").matcher(page);
        while (m.find()) {
            assertThat(m.group(1)).startsWith("https://");
        }
    }

    @Test
    void screenshot() throws Exception {
        Path png = OUT.resolve("summary.png");
        Files.deleteIfExists(png);
        chromium("--window-size=1280,3000", "--screenshot=" + png);
        assertThat(png).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(3000);
        // Not blank: the interesting colour of the lost-update bar is somewhere on it.
        boolean cyan = false;
        for (int y = 0; y < image.getHeight() && !cyan; y += 2) {
            for (int x = 0; x < image.getWidth() && !cyan; x += 2) {
                cyan = image.getRGB(x, y) == 0xFF00A0C6;
            }
        }
        assertThat(cyan).as("an interesting-coloured bar in %s", png).isTrue();
    }

    private static JsonNode find(String name) {
        for (JsonNode t : summary.get("tests")) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("the page shows a test the summary does not have: " + name);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
