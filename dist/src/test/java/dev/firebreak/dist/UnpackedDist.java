package dev.firebreak.dist;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The archive {@code mvn package} made (dist/target/firebreak-VERSION.tar.gz), unpacked once for the tests
 * in target/it-unpacked, with each entry's mode as the archive has it.
 */
final class UnpackedDist {
    static final String VERSION = System.getProperty("firebreak.version");
    static final Path ARCHIVE = Path.of(System.getProperty("firebreak.archive"));
    /** The checkout's root (for the deploy/ files and the README). */
    static final Path ROOT = Path.of(System.getProperty("firebreak.root")).toAbsolutePath().normalize();

    private static Map<String, Integer> modes;
    private static Path home;

    private UnpackedDist() { }

    /** Entry name (e.g. "firebreak-0.1.0/bin/firebreak") to its Unix mode. */
    static synchronized Map<String, Integer> entries() throws IOException {
        unpack();
        return modes;
    }

    /** The unpacked firebreak-VERSION folder. */
    static synchronized Path home() throws IOException {
        unpack();
        return home;
    }

    private static void unpack() throws IOException {
        if (home != null) return;
        if (!Files.isRegularFile(ARCHIVE)) {
            throw new IOException(ARCHIVE + " is missing: the distribution is made by mvn package in dist");
        }
        Path into = ARCHIVE.getParent().resolve("it-unpacked");
        if (Files.exists(into)) {
            try (Stream<Path> old = Files.walk(into)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        Map<String, Integer> found = new TreeMap<>();
        try (InputStream file = new BufferedInputStream(Files.newInputStream(ARCHIVE));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) throw new IOException("entry outside the archive's folder: " + e.getName());
                found.put(e.getName().replaceAll("/$", ""), e.getMode());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                if ((e.getMode() & 0100) != 0) {
                    Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(target));
                    perms.add(PosixFilePermission.OWNER_EXECUTE);
                    Files.setPosixFilePermissions(target, perms);
                }
            }
        }
        modes = found;
        home = into.resolve("firebreak-" + VERSION);
    }
}
