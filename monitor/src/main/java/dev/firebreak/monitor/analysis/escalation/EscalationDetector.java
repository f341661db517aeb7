package dev.firebreak.monitor.analysis.escalation;
public final class EscalationDetector {
    public static EscalationDetector load() { return new EscalationDetector(); }
    public dev.firebreak.core.Escalation detect(String text) { return null; }
}
