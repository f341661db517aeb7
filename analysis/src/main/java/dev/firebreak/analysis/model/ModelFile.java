package dev.firebreak.analysis.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The model file, format version 1. An 8-byte plain header — the magic {@code FBSM} and the format
 * version as a big-endian int — then one gzip stream (its CRC catches corruption) holding, in
 * {@link DataOutputStream} encoding: the model version string; the feature scheme number; bucket bits,
 * longest n-gram and chars considered; the emotion labels in head order; the negative head's bias and
 * scale; the emotion head's biases, scale and weights on the negative logit; the bucket weights as
 * runs (a varint count of all-zero buckets to skip, a varint count of buckets present, then each
 * present bucket's negative byte followed by its six emotion bytes), ending with a zero-length run;
 * and an end mark.
 */
final class ModelFile {
    static final byte[] MAGIC = "FBSM".getBytes(StandardCharsets.US_ASCII);
    static final int FORMAT_VERSION = 1;
    static final int FEATURE_SCHEME = 1;   // TextNormaliser + NgramHasher as of format 1
    private static final int END_MARK = 0x454E4421;

    private ModelFile() { }

    static void write(SentimentModel model, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                raw.write(MAGIC);
                new DataOutputStream(raw).writeInt(FORMAT_VERSION);
                GZIPOutputStream gzip = new GZIPOutputStream(raw, 1 << 16);
                DataOutputStream out = new DataOutputStream(gzip);
                writeBody(model, out);
                out.flush();
                gzip.finish();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeBody(SentimentModel model, DataOutputStream out) throws IOException {
        NgramHasher hasher = model.hasher();
        LinearHeads heads = model.heads();
        out.writeUTF(model.version());
        out.writeInt(FEATURE_SCHEME);
        out.writeInt(hasher.bucketBits());
        out.writeInt(hasher.maxNgram());
        out.writeInt(hasher.maxChars());
        out.writeByte(Emotion.count());
        for (Emotion e : Emotion.values()) out.writeUTF(e.label());
        out.writeFloat(heads.negativeBias);
        out.writeFloat(heads.negativeScale);
        for (float f : heads.emotionBias) out.writeFloat(f);
        out.writeFloat(heads.emotionScale);
        for (float f : heads.emotionFromNegative) out.writeFloat(f);
        int buckets = heads.buckets();
        for (int b = 0; b < buckets; ) {
            int skip = 0;
            while (b + skip < buckets && isZero(heads, b + skip)) skip++;
            int present = 0;
            while (b + skip + present < buckets && !isZero(heads, b + skip + present)) present++;
            if (present == 0) break;
            writeVarint(out, skip);
            writeVarint(out, present);
            for (int k = b + skip; k < b + skip + present; k++) {
                out.writeByte(heads.negative[k]);
                out.write(heads.emotion, k * LinearHeads.EMOTIONS, LinearHeads.EMOTIONS);
            }
            b += skip + present;
        }
        writeVarint(out, 0);
        writeVarint(out, 0);
        out.writeInt(END_MARK);
    }

    private static boolean isZero(LinearHeads heads, int bucket) {
        if (heads.negative[bucket] != 0) return false;
        for (int k = 0; k < LinearHeads.EMOTIONS; k++) {
            if (heads.emotion[bucket * LinearHeads.EMOTIONS + k] != 0) return false;
        }
        return true;
    }

    static SentimentModel read(InputStream raw, String name) throws IOException {
        InputStream buffered = new BufferedInputStream(raw, 1 << 16);
        byte[] header = buffered.readNBytes(8);
        if (header.length < 4 || !startsWithMagic(header)) {
            throw new ModelFormatException(name, "not a Firebreak sentiment model (it starts with "
                    + hex(header) + ", expected \"FBSM\")");
        }
        if (header.length < 8) throw new ModelFormatException(name, "truncated inside the 8-byte header");
        int version = ((header[4] & 0xFF) << 24) | ((header[5] & 0xFF) << 16) | ((header[6] & 0xFF) << 8) | (header[7] & 0xFF);
        if (version != FORMAT_VERSION) {
            throw new ModelFormatException(name, "format version " + version + ", but this Firebreak reads version "
                    + FORMAT_VERSION + " (retrain it with this version's 'firebreak train')");
        }
        Section section = new Section();
        try {
            DataInputStream in = new DataInputStream(new GZIPInputStream(buffered, 1 << 16));
            SentimentModel model = readBody(in, name, section);
            section.name = "end of the gzip stream";
            if (in.read() != -1) throw new ModelFormatException(name, "corrupt: data after the end mark");
            return model;
        } catch (EOFException e) {
            throw new ModelFormatException(name, "truncated (it ends inside the " + section.name + ")", e);
        } catch (ZipException e) {
            throw new ModelFormatException(name, "corrupt (" + e.getMessage() + ", in the " + section.name + ")", e);
        }
    }

    /** How far reading got, for the error message. */
    private static final class Section {
        String name = "gzip header";
    }

    private static SentimentModel readBody(DataInputStream in, String name, Section section) throws IOException {
        section.name = "model header";
        String version = in.readUTF();
        int scheme = in.readInt();
        if (scheme != FEATURE_SCHEME) {
            throw new ModelFormatException(name, "feature scheme " + scheme + ", but this Firebreak computes scheme " + FEATURE_SCHEME);
        }
        int bits = in.readInt();
        int maxNgram = in.readInt();
        int maxChars = in.readInt();
        if (bits < 4 || bits > 24 || maxNgram < 1 || maxNgram > 6 || maxChars < 1 || maxChars > 1_000_000) {
            throw new ModelFormatException(name, "corrupt header (bucket bits " + bits + ", longest n-gram " + maxNgram
                    + ", chars " + maxChars + ")");
        }
        int emotions = in.readUnsignedByte();
        StringBuilder labels = new StringBuilder();
        boolean same = emotions == Emotion.count();
        for (int k = 0; k < emotions; k++) {
            String label = in.readUTF();
            labels.append(k == 0 ? "" : ", ").append(label);
            same &= k < Emotion.count() && Emotion.of(k).label().equals(label);
        }
        if (!same) {
            throw new ModelFormatException(name, "its emotion classes are [" + labels
                    + "], but this Firebreak expects [neutral, happy, angry, sad, fear, surprise]");
        }
        section.name = "head biases";
        float negativeBias = in.readFloat();
        float negativeScale = in.readFloat();
        float[] emotionBias = readFloats(in, Emotion.count());
        float emotionScale = in.readFloat();
        float[] emotionFromNegative = readFloats(in, Emotion.count());
        section.name = "bucket weights";
        int buckets = 1 << bits;
        byte[] negative = new byte[buckets];
        byte[] emotion = new byte[buckets * LinearHeads.EMOTIONS];
        for (int b = 0; ; ) {
            int skip = readVarint(in, name);
            int present = readVarint(in, name);
            if (present == 0) break;
            if ((long) b + skip + present > buckets) throw new ModelFormatException(name, "corrupt: weights past the last bucket");
            b += skip;
            for (int k = 0; k < present; k++, b++) {
                negative[b] = in.readByte();
                in.readFully(emotion, b * LinearHeads.EMOTIONS, LinearHeads.EMOTIONS);
            }
        }
        section.name = "end mark";
        if (in.readInt() != END_MARK) throw new ModelFormatException(name, "corrupt: no end mark after the weights");
        LinearHeads heads = new LinearHeads(negativeBias, negativeScale, negative, emotionBias, emotionScale, emotion,
                emotionFromNegative);
        return new SentimentModel(version, new NgramHasher(bits, maxNgram, maxChars), heads);
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = in.readFloat();
        return out;
    }

    private static void writeVarint(DataOutputStream out, int value) throws IOException {
        while ((value & ~0x7F) != 0) {
            out.writeByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.writeByte(value);
    }

    private static int readVarint(DataInputStream in, String name) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) break;
                return value;
            }
        }
        throw new ModelFormatException(name, "corrupt: a bucket count out of range");
    }

    private static boolean startsWithMagic(byte[] header) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (header[i] != MAGIC[i]) return false;
        }
        return true;
    }

    private static String hex(byte[] bytes) {
        if (bytes.length == 0) return "nothing (the file is empty)";
        StringBuilder s = new StringBuilder("0x");
        for (int i = 0; i < Math.min(4, bytes.length); i++) s.append(String.format("%02x", bytes[i] & 0xFF));
        return s.toString();
    }
}
