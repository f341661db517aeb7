package dev.firebreak.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the analysis stage read in a mention. {@code negative} is the probability that it is negative.
 * Fields an analyser does not produce are left null (emotion, escalation) or empty, never guessed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Analysis(
        Sentiment label,
        double negative,
        String emotion,
        List<String> complaint,
        Escalation escalation,
        List<Entity> entities,
        String model) {

    public Analysis {
        if (negative < 0 || negative > 1 || Double.isNaN(negative)) {
            throw new IllegalArgumentException("negative must be a probability in [0,1], got " + negative);
        }
        complaint = complaint == null ? List.of() : List.copyOf(complaint);
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    /** The same reading with the entities a later, slower stage found, and that stage named in {@code model}. */
    public Analysis withEntities(List<Entity> found, String byModel) {
        return new Analysis(label, negative, emotion, complaint, escalation, found, byModel);
    }

    /** A named thing found in the text. */
    public record Entity(String text, String type) { }
}
