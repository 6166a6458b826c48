package org.graphlint.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal lists fixtures as the command line does: linked folders followed, hidden ones not, a loop named. */
class FixtureCollectionTest {

    @Test
    void aLinkedFolderIsFollowedAndAHiddenOneIsNot(@TempDir Path tmp) throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("user.json"), "{}");
        Path fixtures = Files.createDirectories(tmp.resolve("fixtures/.hidden"));
        Files.writeString(fixtures.resolve("skipped.json"), "{}");
        Files.writeString(tmp.resolve("fixtures/group.http"), "GET /groups\n");
        Files.createSymbolicLink(tmp.resolve("fixtures/linked"), elsewhere);
        List<Path> out = new ArrayList<>();
        ValidateMojo.collect(tmp.resolve("fixtures"), out, 0);
        assertEquals(List.of(tmp.resolve("fixtures/group.http"), tmp.resolve("fixtures/linked/user.json")), out);
    }

    @Test
    void aLinkBackToAFolderAboveFailsNamingIt(@TempDir Path tmp) throws Exception {
        Path sub = Files.createDirectories(tmp.resolve("fixtures/sub"));
        Files.writeString(sub.resolve("user.json"), "{}");
        Path back = Files.createSymbolicLink(sub.resolve("up"), tmp.resolve("fixtures"));
        IOException e = assertThrows(IOException.class, () -> ValidateMojo.collect(tmp.resolve("fixtures"), new ArrayList<>(), 0));
        assertTrue(e.getMessage().startsWith(back + ": a symbolic link back to a folder above it"), e.getMessage());
    }
}
