package fr.passerelle.programmes;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a sheet's section as blocks to lay out: paragraphs (separated by a blank line) and
 * lists (lines starting with "- "). Plain text in, never HTML: the templates escape every block.
 */
public final class PracticeText {

    private PracticeText() {}

    /** A paragraph (one line) or a list (its items). */
    public record Block(boolean list, List<String> lines) {}

    public static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return blocks;
        }
        for (String chunk : text.strip().split("\\n\\s*\\n")) {
            List<String> items = new ArrayList<>();
            StringBuilder paragraph = new StringBuilder();
            for (String line : chunk.split("\\n")) {
                String trimmed = line.strip();
                if (trimmed.startsWith("- ")) {
                    flush(blocks, paragraph);
                    items.add(trimmed.substring(2).strip());
                } else if (!trimmed.isEmpty()) {
                    if (!items.isEmpty() && paragraph.isEmpty()) {
                        blocks.add(new Block(true, List.copyOf(items)));
                        items.clear();
                    }
                    paragraph.append(paragraph.isEmpty() ? "" : " ").append(trimmed);
                }
            }
            flush(blocks, paragraph);
            if (!items.isEmpty()) {
                blocks.add(new Block(true, List.copyOf(items)));
            }
        }
        return blocks;
    }

    private static void flush(List<Block> blocks, StringBuilder paragraph) {
        if (!paragraph.isEmpty()) {
            blocks.add(new Block(false, List.of(paragraph.toString())));
            paragraph.setLength(0);
        }
    }
}
