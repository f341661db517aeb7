package dev.firebreak.monitor.analysis.complaint;
public final class ComplaintClassifier {
    public static ComplaintClassifier load() { return new ComplaintClassifier(); }
    public java.util.List<String> classify(String text) { return java.util.List.of(); }
}
