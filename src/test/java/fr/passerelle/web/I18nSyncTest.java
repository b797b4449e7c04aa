package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text a user reads comes from the message files: both languages have the same keys, every
 * key a template uses exists, and no template holds literal text.
 */
class I18nSyncTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
    /** Message keys handed to the form fragments as labels. */
    private static final Pattern FRAGMENT_KEY = Pattern.compile("forms :: input\\('[^']+', '([^']+)'");
    /** An opening tag with its attributes, followed by the text it holds. */
    private static final Pattern TEXT_NODE = Pattern.compile("<[a-zA-Z][a-zA-Z0-9]*([^<>]*)>([^<>]*)<");
    /** Attributes that replace the element's text with a localised one. */
    private static final Pattern REPLACES_TEXT = Pattern.compile("th:(text|utext|errors|replace)=");

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> french = load("messages.properties").stringPropertyNames();
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        assertThat(new TreeSet<>(english)).as("keys missing in English").containsAll(french);
        assertThat(new TreeSet<>(french)).as("keys missing in French").containsAll(english);
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template);
            for (Pattern pattern : List.of(MESSAGE_KEY, FRAGMENT_KEY)) {
                Matcher m = pattern.matcher(html);
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> literal = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<style>.*?</style>", "<style></style>");
            Matcher m = TEXT_NODE.matcher(html);
            while (m.find()) {
                String text = m.group(2).trim();
                if (hasWords(text) && !REPLACES_TEXT.matcher(m.group(1)).find()) {
                    literal.add(TEMPLATES.relativize(template) + ": " + text);
                }
            }
        }
        assertThat(literal).as("literal text in templates (use th:text with a message key)").isEmpty();
    }

    /** Punctuation such as "·" or ", " between localised pieces is allowed; words are not. */
    private static boolean hasWords(String text) {
        return text.codePoints().filter(Character::isLetter).count() > 0;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = I18nSyncTest.class.getClassLoader().getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
