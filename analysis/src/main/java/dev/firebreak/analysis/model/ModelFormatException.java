package dev.firebreak.analysis.model;

/** A model file that cannot be used: the message names the file and says what is wrong with it. */
public final class ModelFormatException extends RuntimeException {
    ModelFormatException(String file, String problem) {
        super("model file " + file + ": " + problem);
    }

    ModelFormatException(String file, String problem, Throwable cause) {
        super("model file " + file + ": " + problem, cause);
    }
}
