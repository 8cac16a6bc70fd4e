package dev.webui.core.access;

import com.fasterxml.jackson.databind.node.NullNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessRuleTest {

    @TestFactory
    Stream<DynamicTest> everyCaseOfTheTable() throws Exception {
        List<AccessCases.Case> cases = AccessCases.fromClasspath().cases();
        assertTrue(cases.size() > 20, "the table was read");
        return cases.stream().flatMap(c -> Stream.of(AccessMode.values()).map(mode -> DynamicTest.dynamicTest(
                c.name() + " / " + mode, () -> assertEquals(c.expected(mode),
                        AccessRule.allows(mode, c.accessControl(), c.owner(), c.asCaller()), c.name() + " " + mode))));
    }

    @Test
    void jsonNullIsPublicLikeAMissingValue() {
        Caller bob = Caller.of("bob", List.of(), false);
        assertTrue(AccessRule.canRead(NullNode.instance, "alice", bob));
        assertFalse(AccessRule.canWrite(NullNode.instance, "alice", bob));
    }

    @Test
    void sqlNamesTheCallersExpressionsAndNeedsACaller() {
        String read = AccessSql.on("n").caller("$1").bypass("$2").read();
        assertTrue(read.contains("n.user_id = $1") && read.contains("coalesce($2, false)") && read.contains("gm.user_id = $1"), read);
        assertTrue(read.contains("'{write,user_ids}'"), "a write grant lets read: " + read);
        String write = AccessSql.on("n").caller("$1").write();
        assertFalse(write.contains("'{read,") || write.contains("jsonb_typeof"), "write: no read grant, no public: " + write);
        assertThrows(IllegalStateException.class, () -> AccessSql.on("n").read());
    }
}
