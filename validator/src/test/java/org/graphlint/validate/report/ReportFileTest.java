package org.graphlint.validate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way graphlint's front ends (command line, Maven plugin) write report files. */
class ReportFileTest {

    @Test
    void aFileGraphlintDidNotWriteIsNeverReplaced(@TempDir Path dir) throws IOException {
        Path mine = dir.resolve("graphlint.txt");
        Files.writeString(mine, "my notes\n");
        IOException e = assertThrows(IOException.class, () -> ReportFile.replace(mine, ReportFile.marked("text", "report\n")));
        assertTrue(e.getMessage().contains("not a graphlint report"), e.getMessage());
        assertEquals("my notes\n", Files.readString(mine));
        Path folder = Files.createDirectory(dir.resolve("graphlint.sarif"));
        assertThrows(IOException.class, () -> ReportFile.replace(folder, "{}"));
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    void itsOwnReportsAndEmptyFilesAreReplacedWhole(@TempDir Path dir) throws IOException {
        Path text = dir.resolve("out/graphlint.txt");
        ReportFile.replace(text, ReportFile.marked("text", "first\n"));
        assertTrue(ReportFile.writtenByGraphlint(text));
        ReportFile.replace(text, ReportFile.marked("text", "second\n"));
        assertEquals("second\n" + ReportFile.marker() + "\n", Files.readString(text));
        Path empty = Files.createFile(dir.resolve("graphlint.sarif"));
        ReportFile.replace(empty, "{\"runs\": [{\"tool\": {\"driver\": {\"name\": \"graphlint\"}}}]}\n");
        assertTrue(ReportFile.writtenByGraphlint(empty));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".graphlint-tmp")));
        }
    }
}
