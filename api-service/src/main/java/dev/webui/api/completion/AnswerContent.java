package dev.webui.api.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The text of one answer as the UI shows it. Plain answers are their text. A model's thinking,
 * from {@code reasoning_content} / {@code reasoning} / {@code thinking} deltas or from
 * {@code <think>}-style tags in the content, becomes the reasoning block the stock UI renders:
 * {@code <details type="reasoning" done="false">} with a "Thinking…" summary while it grows,
 * {@code done="true" duration="<s>"} with "Thought for <s> seconds" once the answer moves on.
 * Not thread-safe: one answer is fed from one event loop.
 */
final class AnswerContent {
    /** The reasoning tag pairs Open WebUI detects by default. */
    private static final String[][] TAGS = {
            {"<think>", "</think>"}, {"<thinking>", "</thinking>"}, {"<reason>", "</reason>"},
            {"<reasoning>", "</reasoning>"}, {"<thought>", "</thought>"}, {"<Thought>", "</Thought>"},
            {"<|begin_of_thought|>", "<|end_of_thought|>"}, {"◁think▷", "◁/think▷"}};

    private static final class Block {
        final boolean reasoning;
        /** Text a round handler shows between rounds (a tool calls block), kept as it is. */
        boolean shown;
        final String endTag;
        final long startedAt;
        StringBuilder text = new StringBuilder();
        /** How far the text was searched for tags: each piece costs only its own length. */
        int scanned;
        Long duration;

        Block(boolean reasoning, String endTag, long startedAt) {
            this.reasoning = reasoning;
            this.endTag = endTag;
            this.startedAt = startedAt;
        }
    }

    private static final int LONGEST_TAG = 24;

    private final LongSupplier clock;
    private final List<Block> blocks = new ArrayList<>();
    private boolean structured;

    AnswerContent() {
        this(System::currentTimeMillis);
    }

    AnswerContent(LongSupplier clock) {
        this.clock = clock;
    }

    /** A piece of thinking sent beside the content ({@code reasoning_content} and its aliases). */
    void reasoning(String delta) {
        if (delta == null || delta.isEmpty()) {
            return;
        }
        Block last = last();
        if (last == null || !last.reasoning || last.duration != null) {
            last = new Block(true, null, clock.getAsLong());
            blocks.add(last);
            structured = true;
        }
        last.text.append(delta);
    }

    /** A piece of the answer's content, which may open or close a reasoning tag. */
    void content(String delta) {
        if (delta == null || delta.isEmpty()) {
            return;
        }
        Block last = last();
        if (last != null && last.reasoning && last.endTag == null && last.duration == null) {
            close(last); // the field-borne thinking ends where the content starts
            last = null;
        }
        if (last == null || last.shown || (last.reasoning && last.duration != null)) {
            last = new Block(false, null, 0);
            blocks.add(last);
        }
        last.text.append(delta);
        detectTags();
    }

    /**
     * What a round handler shows after a round (Open WebUI's tool calls or code interpreter block):
     * placed on its own line after the text so far, the next round's text following it.
     */
    void shown(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        finish();
        Block block = new Block(false, null, 0);
        block.shown = true;
        block.text.append(text);
        blocks.add(block);
        structured = true;
    }

    /** Takes the last occurrence of {@code raw} and what follows it out of the latest content block. */
    void cut(String raw) {
        String wanted = raw == null ? "" : raw.strip();
        for (int i = blocks.size() - 1; i >= 0 && !wanted.isEmpty(); i--) {
            Block block = blocks.get(i);
            if (!block.reasoning && !block.shown) {
                int at = block.text.lastIndexOf(wanted);
                if (at >= 0) {
                    block.text.setLength(at);
                    block.scanned = Math.min(block.scanned, at);
                }
                return;
            }
        }
    }

    /** The answer is over: an open reasoning block gets its duration. */
    void finish() {
        Block last = last();
        if (last != null && last.reasoning && last.duration == null) {
            close(last);
        }
    }

    /** The text to show and save. */
    String text() {
        if (!structured) {
            StringBuilder out = new StringBuilder();
            blocks.forEach(b -> out.append(b.text));
            return out.toString();
        }
        StringBuilder out = new StringBuilder();
        for (Block block : blocks) {
            if (block.shown) {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
                out.append(block.text);
                continue;
            }
            if (!block.reasoning) {
                String text = block.text.toString().strip();
                if (!text.isEmpty()) {
                    out.append(text).append('\n');
                }
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            String quoted = quote(block.text.toString());
            if (block.duration != null) {
                out.append("<details type=\"reasoning\" done=\"true\" duration=\"").append(block.duration).append("\">\n")
                        .append("<summary>Thought for ").append(block.duration).append(" seconds</summary>\n");
            } else {
                out.append("<details type=\"reasoning\" done=\"false\">\n<summary>Thinking…</summary>\n");
            }
            out.append(quoted).append("\n</details>\n");
        }
        return out.toString().strip();
    }

    private void detectTags() {
        Block last = last();
        int from = Math.max(0, last.scanned - LONGEST_TAG);
        last.scanned = last.text.length();
        if (last.reasoning) {
            int end = last.text.indexOf(last.endTag, from);
            if (end < 0) {
                return;
            }
            String text = last.text.toString();
            String inside = text.substring(0, end).strip();
            String leftover = text.substring(end + last.endTag.length()).strip();
            close(last);
            if (inside.isEmpty()) {
                blocks.remove(blocks.size() - 1);
            } else {
                last.text = new StringBuilder(inside);
            }
            Block after = new Block(false, null, 0);
            after.text.append(leftover);
            blocks.add(after);
            if (!leftover.isEmpty()) {
                detectTags();
            }
            return;
        }
        for (String[] tag : TAGS) {
            int start = last.text.indexOf(tag[0], from);
            if (start < 0) {
                continue;
            }
            String text = last.text.toString();
            String before = text.substring(0, start);
            String after = text.substring(start + tag[0].length());
            if (before.isBlank()) {
                blocks.remove(blocks.size() - 1);
            } else {
                last.text = new StringBuilder(before);
            }
            Block reasoning = new Block(true, tag[1], clock.getAsLong());
            reasoning.text.append(after);
            blocks.add(reasoning);
            structured = true;
            detectTags();
            return;
        }
    }

    private void close(Block block) {
        block.duration = Math.max(0, (clock.getAsLong() - block.startedAt) / 1000);
    }

    private Block last() {
        return blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
    }

    /** The UI shows the thinking as a quote: every line gets "> " unless it already starts with ">". */
    private static String quote(String text) {
        StringBuilder out = new StringBuilder();
        if (text.isEmpty()) {
            return "";
        }
        for (String line : text.split("\\R")) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line.startsWith(">") ? line : "> " + line);
        }
        return out.toString();
    }
}
