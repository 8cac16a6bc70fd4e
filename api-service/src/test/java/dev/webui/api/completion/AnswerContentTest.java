package dev.webui.api.completion;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reasoning block an answer's thinking becomes, piece by piece. */
class AnswerContentTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AnswerContent answer = new AnswerContent(now::get);

    private static String done(long seconds, String quoted) {
        return "<details type=\"reasoning\" done=\"true\" duration=\"" + seconds + "\">\n<summary>Thought for " + seconds
                + " seconds</summary>\n" + quoted + "\n</details>\n";
    }

    @Test
    void plainAnswersStayExactlyAsTheyCame() {
        answer.content("  Hello");
        answer.content(" world\n");
        answer.finish();
        assertEquals("  Hello world\n", answer.text());
    }

    @Test
    void reasoningFieldsAreThinkingUntilTheContentStarts() {
        answer.reasoning("Let me");
        answer.reasoning(" think.\n> quoted already");
        assertEquals("<details type=\"reasoning\" done=\"false\">\n<summary>Thinking…</summary>\n> Let me think.\n> quoted already\n</details>",
                answer.text());
        now.addAndGet(2_500);
        answer.content("Answer.");
        assertEquals(done(2, "> Let me think.\n> quoted already") + "Answer.", answer.text());
        answer.finish();
        assertEquals(done(2, "> Let me think.\n> quoted already") + "Answer.", answer.text(), "finishing changes nothing more");
    }

    @Test
    void thinkTagsSplitAcrossPiecesOpenAndCloseTheBlock() {
        answer.content("<thi");
        assertEquals("<thi", answer.text(), "half a tag is text until it is complete");
        answer.content("nk>Hmm");
        assertEquals("<details type=\"reasoning\" done=\"false\">\n<summary>Thinking…</summary>\n> Hmm\n</details>", answer.text());
        now.addAndGet(1_000);
        answer.content("...</think>\n\nThe answer");
        answer.content(" is 42.");
        assertEquals(done(1, "> Hmm...") + "The answer is 42.", answer.text());
    }

    @Test
    void textBeforeATagStaysInFrontAndOtherTagPairsWork() {
        answer.content("Intro <thought>deep</thought> outro");
        assertEquals("Intro\n" + done(0, "> deep") + "outro", answer.text());
    }

    @Test
    void thinkingThatNeverEndsIsClosedWhenTheAnswerIs() {
        answer.reasoning("only thinking");
        now.addAndGet(3_000);
        answer.finish();
        assertEquals(done(3, "> only thinking").strip(), answer.text());
    }

    @Test
    void aShownBlockSitsOnItsOwnLineBetweenRounds() {
        answer.reasoning("Plan.");
        answer.shown("<details type=\"tool_calls\" done=\"true\">\n<summary>Tool Executed</summary>\n</details>\n");
        answer.content("  The sum is 5. ");
        answer.finish();
        assertEquals(done(0, "> Plan.") + "<details type=\"tool_calls\" done=\"true\">\n<summary>Tool Executed</summary>\n</details>\n"
                + "The sum is 5.", answer.text());
    }

    @Test
    void textBeforeAShownBlockIsTrimmedOntoItsOwnLine() {
        answer.content("Let me add.  ");
        answer.shown("[block]\n");
        answer.content("Read: 5");
        assertEquals("Let me add.\n[block]\nRead: 5", answer.text());
    }

    @Test
    void aHandlersBlockTakesThePlaceOfTheRawTextItStandsFor() {
        answer.content("Let me compute.\n```python\n<code_interpreter type=\"code\" lang=\"python\">");
        answer.content("print(6 * 7)</code_interpreter>\n```");
        answer.cut("```python\n<code_interpreter type=\"code\" lang=\"python\">print(6 * 7)</code_interpreter>\n```");
        answer.shown("<details type=\"code_interpreter\" done=\"true\" output=\"42\">\n</details>\n");
        answer.content("The answer is 42.");
        answer.finish();
        assertEquals("Let me compute.\n<details type=\"code_interpreter\" done=\"true\" output=\"42\">\n</details>\nThe answer is 42.",
                answer.text());
    }
}
