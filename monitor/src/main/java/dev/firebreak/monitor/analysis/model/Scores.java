package dev.firebreak.monitor.analysis.model;

/**
 * What the model says about one text: {@code negative} is P(negative) in [0, 1]; {@code emotion} is one
 * of neutral, happy, angry, sad, fear, surprise, and {@code emotionConfidence} its softmax probability.
 */
public record Scores(double negative, String emotion, double emotionConfidence) { }
