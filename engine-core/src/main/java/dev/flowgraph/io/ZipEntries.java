package dev.flowgraph.io;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The zip container shared by {@code .npz} files and saved graphs: reads every entry into memory
 * after checking that the file is a whole zip, and writes entries with a fixed timestamp so that
 * saving the same content twice gives the same bytes.
 */
final class ZipEntries {
    private static final byte[] LOCAL_HEADER = {'P', 'K', 3, 4};
    private static final byte[] END_OF_DIRECTORY = {'P', 'K', 5, 6};
    /** The end record is 22 bytes plus a comment of at most 65,535 bytes. */
    private static final int END_SEARCH = 22 + 0xFFFF;
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private ZipEntries() {}

    /**
     * Reads all entries, in file order. {@code error} turns a message (prefixed with the source)
     * into the caller's exception type, thrown when the bytes are not a zip, are truncated or
     * damaged, or hold an entry twice.
     */
    static Map<String, byte[]> readAll(InputStream in, String source, Function<String, RuntimeException> error)
            throws IOException {
        byte[] all = in.readAllBytes();
        if (!startsWith(all, 0, LOCAL_HEADER) && !startsWith(all, 0, END_OF_DIRECTORY)) {
            throw error.apply(source + ": not a zip file (expected it to start with the bytes PK\\x03\\x04"
                    + (all.length == 0 ? ", found an empty file)" : ")"));
        }
        if (!hasEndRecord(all)) {
            throw error.apply(source + ": truncated zip file: its end-of-central-directory record is missing ("
                    + all.length + " bytes read)");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(all))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (entries.put(e.getName(), zip.readAllBytes()) != null) {
                    throw error.apply(source + ": the zip holds the entry '" + e.getName() + "' twice");
                }
            }
        } catch (ZipException | EOFException e) {
            throw error.apply(source + ": damaged zip file: " + e.getMessage());
        }
        return entries;
    }

    /**
     * Whether the bytes end with an end record: its signature, then a comment whose recorded length
     * reaches exactly the last byte. Checking the length matters when an entry is itself a zip (a
     * bundle's {@code variables.npz}): that entry's end record must not pass for the file's.
     */
    private static boolean hasEndRecord(byte[] all) {
        for (int i = all.length - 22; i >= Math.max(0, all.length - END_SEARCH); i--) {
            int commentLength = (all[i + 20] & 0xFF) | (all[i + 21] & 0xFF) << 8;
            if (startsWith(all, i, END_OF_DIRECTORY) && i + 22 + commentLength == all.length) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] all, int at, byte[] prefix) {
        if (at < 0 || all.length - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (all[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Writes an uncompressed entry, as {@code numpy.savez} does. */
    static void putStored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        e.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        put(zip, e, bytes);
    }

    /** Writes a deflated entry. */
    static void putDeflated(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.DEFLATED);
        put(zip, e, bytes);
    }

    private static void put(ZipOutputStream zip, ZipEntry e, byte[] bytes) throws IOException {
        e.setTimeLocal(FIXED_TIME);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Wraps {@code bytes} as a stream, for reading one entry. */
    static InputStream open(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
