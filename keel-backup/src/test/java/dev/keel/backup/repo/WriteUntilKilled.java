package dev.keel.backup.repo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Child process for {@link FileObjectStoreKillTest}: commits one small object, then writes a large
 * one slowly until it is killed, saying on stdout when each stage is reached.
 */
public final class WriteUntilKilled {
    public static void main(String[] args) throws IOException, InterruptedException {
        PrintStream out = System.out;
        FileObjectStore store = new FileObjectStore(Path.of(args[0]));
        store.put("wal/00000001/000000010000000000000001", new byte[16 << 10]);
        out.println("committed");
        out.flush();
        byte[] block = new byte[1 << 20];
        try (PendingObject big = store.create("backups/b1/files/base/1/16384")) {
            for (int i = 0; i < 512; i++) {
                big.write(block);
                big.flush();
                if (i == 8) {
                    out.println("writing");
                    out.flush();
                }
                Thread.sleep(5);
            }
            // Never reached in the test: the parent kills the process long before.
            Thread.sleep(60_000);
            big.commit();
        }
    }
}
