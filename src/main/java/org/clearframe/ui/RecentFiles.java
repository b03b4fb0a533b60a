package org.clearframe.ui;

import org.clearframe.AppFolders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The most recently opened production files, newest first, kept as a plain list in the config folder. */
public final class RecentFiles {
    private static final int LIMIT = 10;
    private static final System.Logger LOG = System.getLogger(RecentFiles.class.getName());

    private final Path store;

    public RecentFiles(Path configFolder) {
        this.store = configFolder.resolve("recent-files.txt");
    }

    public static RecentFiles forUser() {
        return new RecentFiles(AppFolders.config());
    }

    /** Recent files that still exist. */
    List<Path> list() {
        if (!Files.exists(store)) return List.of();
        try {
            return Files.readAllLines(store, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .map(Path::of).filter(Files::exists).toList();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not read the recent files list", e);
            return List.of();
        }
    }

    void add(Path file) {
        List<Path> next = new ArrayList<>();
        next.add(file.toAbsolutePath().normalize());
        for (Path p : list()) if (!p.equals(next.get(0)) && next.size() < LIMIT) next.add(p);
        try {
            Files.createDirectories(store.getParent());
            Path temp = store.resolveSibling("recent-files.txt.tmp");
            Files.write(temp, next.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
            Files.move(temp, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not update the recent files list", e);
        }
    }
}
