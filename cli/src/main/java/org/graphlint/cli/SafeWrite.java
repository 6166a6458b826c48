package org.graphlint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Files written the only ways graphlint writes: a new file that must not exist yet, or a file replaced on purpose
 * (--in-place), each through a temporary file in the same folder and a rename, so that a reader never sees half a file
 * and an interrupted run leaves the old file whole.
 */
final class SafeWrite {

    private SafeWrite() {
    }

    /** Writes a file that must not exist; {@link FileAlreadyExistsException} when it does. */
    static void create(Path target, String content) throws IOException {
        Path dir = folder(target);
        Path tmp = temp(dir, target, content);
        try {
            try {
                Files.createLink(target, tmp); // fails when the target exists: nothing is ever overwritten
            } catch (UnsupportedOperationException | IOException e) {
                if (e instanceof FileAlreadyExistsException) {
                    throw e;
                }
                if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                Files.move(tmp, target); // no REPLACE_EXISTING: refuses an existing target
                return;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Replaces an existing file (its real path, through symbolic links), keeping its permissions. */
    static void replace(Path file, String content) throws IOException {
        Path real = file.toRealPath();
        Path tmp = temp(folder(real), real, content);
        try {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(real);
                Files.setPosixFilePermissions(tmp, perms);
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the temporary file's permissions stay
            }
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path folder(Path p) {
        Path parent = p.toAbsolutePath().getParent();
        return parent == null ? Path.of(".").toAbsolutePath() : parent;
    }

    private static Path temp(Path dir, Path target, String content) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".graphlint-tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not POSIX
            }
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
